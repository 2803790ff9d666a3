"""Uploaded documents: text files are kept as UTF-8, the charset they are served
with (a Swedish Windows program often saves Windows-1252)."""

from django.core.files.base import ContentFile
from wagtail.documents.forms import BaseDocumentForm

TEXT_EXTENSIONS = (".txt", ".csv")


def as_utf8(data):
    """The bytes of a text file as UTF-8: kept if they are, read as
    Windows-1252 (a superset of Latin-1 in practice) if not."""
    try:
        data.decode("utf-8")
        return data
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace").encode("utf-8")


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if not uploaded or not uploaded.name.lower().endswith(TEXT_EXTENSIONS):
            return uploaded
        if "file" not in self.changed_data:
            return uploaded
        uploaded.seek(0)
        data = uploaded.read()
        converted = as_utf8(data)
        if converted is data:
            uploaded.seek(0)
            return uploaded
        return ContentFile(converted, name=uploaded.name)

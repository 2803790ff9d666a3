"""Comment avatars without third parties: no Gravatar hash of anyone's e-mail."""

from django.templatetags.static import static


def local_avatar(comment):
    """Every commenter gets the same local picture; nothing derived from an e-mail."""
    return static("img/avatar.svg")

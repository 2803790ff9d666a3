from django.apps import AppConfig


class CachingConfig(AppConfig):
    name = "caching"

    def ready(self):
        from caching import receivers

        receivers.connect()

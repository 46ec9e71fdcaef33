from django.apps import AppConfig
from django.db.models.signals import post_migrate


class OntheffingConfig(AppConfig):
    name = "ontheffing"
    verbose_name = "Ontheffing verboden handelingen"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from ontheffing import gezondheid
        from ontheffing.bezorging import gezondheid_wachtrij
        from ontheffing.databaserechten import na_migreren

        post_migrate.connect(na_migreren, sender=self)
        gezondheid.registreer("berichten", gezondheid_wachtrij)

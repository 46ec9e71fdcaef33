from django.apps import AppConfig


class OntheffingConfig(AppConfig):
    name = "ontheffing"
    verbose_name = "Ontheffing verboden handelingen"
    default_auto_field = "django.db.models.BigAutoField"

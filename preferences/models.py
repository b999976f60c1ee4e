import uuid

from django.db import models
from django_cryptography.fields import encrypt


class FanPreferences(models.Model):
    """The seed's fan_preferences: learned tastes, interests and habits (all encrypted).

    `learning_state` holds the sufficient statistics the learner updates (preferences.learning);
    the four seed columns are the view derived from it at the last update.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    creator = models.ForeignKey("core.Creator", on_delete=models.CASCADE)
    fan_id = models.CharField(max_length=255)
    content_preferences = encrypt(models.JSONField(default=dict))
    topic_interests = encrypt(models.JSONField(default=dict))
    purchase_patterns = encrypt(models.JSONField(default=list))
    communication_preferences = encrypt(models.JSONField(default=dict))
    learning_state = encrypt(models.JSONField(default=dict))
    evidence_count = models.PositiveIntegerField(default=0)
    last_updated = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "fan_preferences"
        constraints = [models.UniqueConstraint(fields=["creator", "fan_id"], name="fan_preferences_unique")]
        verbose_name_plural = "fan preferences"

    def __str__(self):
        return f"preferences of a fan of {self.creator_id}"


class CategoryPopularity(models.Model):
    """Purchases per category across all fans of a creator: the cold-start prior of recommendations.

    Aggregates only (no fan id): counts and sums of log amounts, so the creator's typical price
    can be derived. Category "" collects purchases without a category.
    """

    id = models.BigAutoField(primary_key=True)
    creator = models.ForeignKey("core.Creator", on_delete=models.CASCADE)
    category = models.CharField(max_length=64, blank=True)
    purchases = models.PositiveIntegerField(default=0)
    priced_purchases = models.PositiveIntegerField(default=0)
    log_amount_sum = models.FloatField(default=0.0)
    log_amount_square_sum = models.FloatField(default=0.0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "category_popularity"
        constraints = [models.UniqueConstraint(fields=["creator", "category"], name="category_popularity_unique")]
        verbose_name_plural = "category popularity"

    def __str__(self):
        return f"{self.category or '(none)'} at {self.creator_id}"

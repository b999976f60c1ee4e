"""A complaint reads negative however its words are dressed: polite ("thanks, but I still haven't
received it"), ironic ("oh great, the link is dead again", "merci pour rien"), or with an eye-roll.
The grievance patterns are core.grievances' (the open items open theirs on them); beyond them, a
cheer opening onto something unmet ("wow, 3 days late"). After a "but" only what follows counts. A
message that takes its complaint back, or says the problem is settled, is none."""
import re

from core.grievances import (COMPLAINT_WORDS, CONTENT_PROBLEM_WORDS, NEGATED, REFUND_SETTLED, REFUND_WORDS,
                             SERVICE_WORDS, SETTLED_BY_FAN, any_of, fold)

EYE_ROLL = frozenset("🙄😒")
TAKEN_BACK = any_of(
    r"\b(?:just |only )?(?:kidding|joking)\b", r"\bjk\b", r"\bje (?:rigole|plaisante|deconne)\b", r"\bj ?deconne\b",
    r"\bmy (?:bad|fault|wifi|connection)\b", r"\b(?:c etait|cetait|c est) (?:mon|ma) (?:faute|wifi|connexion|co)\b",
    r"\bma faute\b")
PROBLEMS = (REFUND_WORDS, CONTENT_PROBLEM_WORDS, SERVICE_WORDS)
# Words of something unmet: late, missing, broken, charged, waiting, wrong.
UNMET = any_of(
    r"\b(?:never|still|late|missing|wrong|broken|expired|charged|twice|waiting|ignored|ignore"
    r"|cut|cuts|stops|stopped|freezes|froze|lags?|laggy|dead|blurry|grainy|pixelated|bugs?|buggy|glitch\w*|error"
    r"|fails?|failed|crash\w*|forgot|forgotten|skipped|shorter|overpriced|pricey|expensive|seconds|secs|nobody"
    r"|no one|no reply|no answer|not even|haven t|hasn t"
    r"|(?:didn t|doesn t|don t|won t|can t)(?! (?:expect|wait|believe|stop|get enough|disappoint)))\b",
    r"\b(?:jamais|toujours pas|encore pas|pas encore|retard|manque|manquant\w*|mauvais\w*|casse\w*|bug\w*|flou\w*"
    r"|coupe\w*|expire\w*|debite\w*|attends|attente|secondes|arnaque\w*|plante\w*|rame|oubli\w*|personne"
    r"|aucun\w*|meme pas|pas de|plus de|marche pas|marche plus|toujours rien|rien recu|que \d+)\b")
CONTRAST = re.compile(r"\b(?:but|though|although|however|except|mais|par contre|sauf que|pourtant|cependant)\b")
CHEER = re.compile(
    r"^\W*(?:oh |ah |wow |yay )*(?:wow|yay|great|amazing|lovely|perfect|wonderful|fantastic|brilliant|nice|cool"
    r"|awesome|incredible|super|genial|parfait|bravo|trop bien|trop cool|top|magnifique|incroyable"
    r"|love (?:that|how|it)|j adore|quelle|what a|so glad)\b")

# Praise of what a purchase was worth, which the model reads as a plain statement ("a steal for $20").
VALUE = any_of(
    r"\bworth (?:every|the wait|it|the money|the price)\b", r"\bmoney well spent\b", r"\ba steal\b", r"\bbargain\b",
    r"\bno regrets?\b", r"\bbest \$?\d+", r"\b(?:would|d) (?:pay|have paid) (?:double|twice|more)\b", r"\bundersell",
    r"\bbien depense", r"\baucun regret\b", r"\bc est (?:un )?cadeau\b", r"\bval(?:ait|ent|ait grave|ait vraiment) le coup\b",
    r"\bvaut (?:grave |vraiment |largement )?le coup\b", r"\bpaierais (?:le )?double\b", r"\bmeilleur(?:s|e|es)? \d+")


def read(text: str, emoji) -> tuple[bool, bool]:
    """(the message complains, it praises what a purchase was worth), from the folded text once."""
    low = fold(text)
    return complains(low, emoji), bool(VALUE.search(low))


def complains(low: str, emoji) -> bool:
    """The folded message complains: "awful but I love it" does not, "I love it but it won't load" does."""
    if TAKEN_BACK.search(low) or SETTLED_BY_FAN.search(low) or REFUND_SETTLED.search(low):
        return False
    turns = list(CONTRAST.finditer(low))
    start = turns[-1].end() if turns else 0
    if EYE_ROLL.intersection(emoji) or _unnegated(low, start, *PROBLEMS, COMPLAINT_WORDS):
        return True
    cheer = CHEER.match(low)
    return bool(cheer and _unnegated(low, cheer.end(), UNMET))


def _unnegated(low: str, start: int, *patterns) -> bool:
    """One of the patterns is found from `start` on, not right after a negation ("not blurry")."""
    return any(not NEGATED.search(low[:match.start()]) for pattern in patterns for match in pattern.finditer(low, start))

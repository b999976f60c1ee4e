"""What in a message opens or settles an open item: rules in English and French (no model).

Pure functions. Patterns are written against the folded text (lowercase, no accents, apostrophes
as spaces, so "c'est", "c est" and "c’est" read alike; one character per character, so a span found
there is the same span in the message). The emotion analyzer's output, when given, only vetoes: a
message it reads as clearly positive opens no complaint, whatever a word in it says.
"""
import re
from dataclasses import dataclass

from core.grievances import (COMPLAINT_WORDS, CONTENT_PROBLEM_WORDS, NEGATED, REFUND_SETTLED, REFUND_WORDS,
                             SETTLED_BY_FAN, any_of, fold)

COMPLAINT, REFUND, CONTENT_PROBLEM, QUESTION, FOLLOW_UP = (
    "complaint", "refund", "content_problem", "unanswered_question", "follow_up")
KINDS = (COMPLAINT, REFUND, CONTENT_PROBLEM, QUESTION, FOLLOW_UP)
# Kinds about something bought or served: they hold offers of their category back, and excuse the tone.
GRIEVANCES = (COMPLAINT, REFUND, CONTENT_PROBLEM)
SUMMARY_MAX = 160
POSITIVE_VETO = 0.5  # polarity above which a message opens no complaint (it is praise, or a joke)

QUESTION_START = any_of(
    r"^(?:when|what|where|why|how|which|who|can|could|will|would|do|did|does|is|are|have|has|should)\b",
    r"\b(?:can|could|will|would|do|did) (?:you|u)\b",
    r"^(?:quand|quel|quelle|quels|quelles|pourquoi|comment|combien|ou|est ce que|est ce qu)\b",
    r"\b(?:tu|vous) (?:peux|pourrais|vas|va|veux|as|avez|pouvez|allez|fais|ferais)\b", r"\b(?:peux|pourrais|vas) tu\b",
    r"\bany (?:date|news|update|idea)\b", r"\bwhat about\b", r"\b(?:et|and) (?:la|le|les|the|my|ma|mon|mes) \w+ (?:alors|then)\b",
    r"\balors\s*\?")
SMALL_TALK = any_of(
    r"\bhow (?:are|r) (?:you|u|ya)\b", r"\bhow s it going\b", r"\bhow was your\b", r"\bwhat s up\b", r"\bwhats up\b",
    r"\bwyd\b", r"\bhbu\b", r"\bwbu\b", r"\bwhat (?:are|r) (?:you|u) (?:doing|up to)\b", r"\b(?:you|u) (?:there|ok|up)\b",
    r"\bdid (?:you|u) (?:sleep|eat)\b", r"\b(?:ca|sa) va\b", r"\btu vas bien\b", r"\btu fais quoi\b",
    r"\bquoi de neuf\b", r"\bt es la\b", r"\btu dors\b", r"\bet toi\b", r"\band (?:you|u)\b",
    r"\b(?:right|ok|okay|really|srsly|seriously|non|hein|vraiment|sure)\s*$")

_SOON = (r"(?:today|tonight|tomorrow|this (?:week|weekend|morning|afternoon|evening)|next (?:week|month)"
         r"|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|monday|tuesday|wednesday|thursday"
         r"|friday|saturday|sunday|soon|in \d+ days?"
         r"|aujourd hui|ce soir|demain|apres demain|cette semaine|ce week end|ce weekend|la semaine prochaine"
         r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|bientot|dans \d+ jours?)")
_THEN_SOON = rf"\b[^.!?]{{0,25}}\b{_SOON}\b"  # a day or a time soon after the thing named
_KIN = (r"(?:grandma|grandmother|granny|nan|nana|grandpa|grandfather|grandad|mom|mum|mother|dad|father|sister"
        r"|brother|wife|husband|girlfriend|boyfriend|gf|bf|son|daughter|friend|best friend|uncle|aunt|cousin|dog|cat"
        r"|grand mere|mamie|mami|grand pere|papi|papy|mere|maman|pere|papa|soeur|frere|femme|mari|copine|copain"
        r"|fils|fille|ami|amie|pote|oncle|tante|cousin|cousine|chien|chat|chienne|chatte)")
# A subject to ask about later, and the words that name it again in either language.
SUBJECTS = {
    "exam": ("exam", "exams", "examen", "examens", "test", "partiel", "partiels", "bac", "finals", "permis", "code"),
    "interview": ("interview", "entretien"),
    "hospital": ("hospital", "hopital", "hospitalise", "hospitalisee", "surgery", "operation", "chirurgie"),
    "appointment": ("appointment", "rdv", "rendez vous", "doctor", "medecin"),
    "trip": ("trip", "vacation", "holiday", "holidays", "voyage", "vacances"),
}
FOLLOW_UP_WORDS = {
    "exam": any_of(rf"\b(?:my|i have (?:an?|my)|i ve got (?:an?|my)|got (?:an?|my)) (?:exams?|test|finals){_THEN_SOON}",
                 rf"\b(?:mon|mes|j ai (?:un|mon|des|mes)|jai (?:un|mon|des|mes)) (?:exam|examen|partiel)s?{_THEN_SOON}",
                 rf"\b(?:mon|le|j ai le|jai le|je passe (?:le|mon)) bac{_THEN_SOON}",
                 rf"\b(?:my|i have (?:my|a)|i ve got (?:my|a)|got my) driving test{_THEN_SOON}",
                 rf"\b{_SOON}\b[^.!?]{{0,25}}\b(?:je passe|jpasse|j passe) (?:mon|le|un) (?:permis|exam|examen|bac|partiel|oral|code)\b",
                 rf"\b(?:je passe|jpasse|j passe) (?:mon|le|un) (?:permis|exam|examen|bac|partiel|oral|code)\b{_THEN_SOON}"),
    "interview": any_of(rf"\b(?:my|i have an?|got an?) (?:job )?interview{_THEN_SOON}",
                      rf"\b(?:mon|j ai un|jai un) entretien{_THEN_SOON}"),
    "hospital": any_of(rf"\b(?:my )?{_KIN}\b(?: is| s|s| has been| got| was)?(?: taken| rushed| admitted)? (?:in|to|at) "
                     r"(?:the )?hospital\b",
                     rf"\b(?:my )?{_KIN}\b[^.!?]{{0,20}}\b(?:surgery|operation)\b",
                     rf"\b(?:ma |mon |mes )?{_KIN}\b(?: est| a ete)? (?:a l |a l|a |en )?(?:hopital|hospitalise)",
                     rf"\b(?:ma |mon )?{_KIN}\b[^.!?]{{0,20}}\bse fait operer\b",
                     r"\bi m (?:in|at) (?:the )?hospital\b", r"\bje suis (?:a l |a l|a )hopital\b"),
    "appointment": any_of(rf"\b(?:my|i have an?|got an?) (?:doctor s |doctors |dentist )?appointment{_THEN_SOON}",
                        rf"\b(?:mon|j ai un|jai un) (?:rdv|rendez vous)(?: chez le (?:medecin|dentiste))?{_THEN_SOON}"),
    "trip": any_of(rf"\b(?:je pars|jpars|on part|nous partons) en (?:vacances|voyage|week end|weekend)\b",
                 rf"\b(?:i m|im|i am|we re|we are) (?:going|leaving|off) (?:on (?:a )?)?(?:vacation|holiday|a trip)\b"),
}
# A later fan message that names the subject again with how it went closes the follow-up.
OUTCOME_WORDS = any_of(
    r"\b(?:went|passed|failed|aced|nailed|over|done|finished|better|home|out|fine|ok|okay|recovering|got the job)\b",
    r"\b(?:reussi|rate|eu|fini|termine|mieux|sorti|sortie|rentre|rentree|bien passe|mal passe|s est bien|s est mal)\b")

REFUND_DONE = any_of(r"\b(?:i ve|i have|i|we ve|we have|just) refunded\b",
                   r"\brefund (?:is |has been )?(?:done|sent|issued|processed)\b",
                   r"\b(?:je t ai|je vous ai|jt ai) rembourse", r"\bremboursement (?:est )?(?:fait|effectue|envoye)\b",
                   r"\btu (?:es|as ete) rembourse")


@dataclass(frozen=True)
class Found:
    kind: str
    summary: str  # the fan's own words: the sentence that opened the item
    subject: str = ""  # a follow-up's subject (exam, hospital...), to know it again


def _sentence(text: str, low: str, start: int) -> str:
    """The sentence of the message around `start`, trimmed: the fan's words, not a paraphrase."""
    begin = max((low.rfind(mark, 0, start) for mark in ".!?\n"), default=-1) + 1
    ends = [index for index in (low.find(mark, start) for mark in ".!?\n") if index != -1]
    end = min(ends) + 1 if ends else len(text)
    sentence = " ".join(text[begin:end].split())
    return sentence if len(sentence) <= SUMMARY_MAX else sentence[:SUMMARY_MAX - 1].rstrip() + "…"


def _first(pattern: re.Pattern, low: str, negatable: bool = False) -> int | None:
    for match in pattern.finditer(low):
        if negatable and NEGATED.search(low[:match.start()]) and "terrible" not in match.group():
            continue
        return match.start()
    return None


def _positive(analysis: dict | None) -> bool:
    return bool(analysis) and analysis.get("sentiment") == "positive" and (analysis.get("polarity") or 0) > POSITIVE_VETO


def detect(text: str, analysis: dict | None = None) -> list[Found]:
    """The open items a fan message raises: at most one grievance (refund before content problem
    before complaint), follow-ups, and a question to the creator when nothing else was found."""
    low = fold(text)
    found = []
    if not settles(text):
        for kind, pattern, negatable in ((REFUND, REFUND_WORDS, False), (CONTENT_PROBLEM, CONTENT_PROBLEM_WORDS, False),
                                         (COMPLAINT, COMPLAINT_WORDS, True)):
            start = _first(pattern, low, negatable)
            if start is not None and not (kind == COMPLAINT and _positive(analysis)):
                found.append(Found(kind, _sentence(text, low, start)))
                break
    for subject, pattern in FOLLOW_UP_WORDS.items():
        start = _first(pattern, low)
        if start is not None:
            found.append(Found(FOLLOW_UP, _sentence(text, low, start), subject))
    if not found:
        question = _question(text, low)
        if question is not None:
            found.append(Found(QUESTION, question))
    return found


def _question(text: str, low: str) -> str | None:
    """A question put to the creator (not small talk): the sentence ending with its question mark."""
    for match in re.finditer(r"[^.!?\n]*\?", low):
        sentence = match.group().strip()
        if len(sentence.split()) >= 3 and QUESTION_START.search(sentence) and not SMALL_TALK.search(sentence.rstrip("? ")):
            return _sentence(text, low, match.start() + len(match.group()) - len(match.group().lstrip()))
    return None


ANSWER_OPENER = re.compile(
    r"^(?:(?:haha\w*|hehe\w*|lol|omg|oh|ooh|aw+|mdr|ah|bah|ben|well|hmm+)\s*)*"
    r"(?:yes|yeah|yep|yup|no|nope|sure|of course|definitely|not yet|soon|next|tomorrow|tonight|it s|its|it is|i m|i am"
    r"|i do|i will|i ll|i did|wrong|right|exactly|oui|ouais|non|bien sur|carrement|grave|c est|demain|bientot"
    r"|ce soir|la semaine|je vais|j ai|jai)\b")
DODGE = any_of(r"\bwait and see\b", r"\byou ll (?:have to )?see\b", r"\bsurprise\b", r"\bsecret\b", r"\bcurious\b",
             r"\bpatience\b", r"\btu verras\b", r"\bcurieux\b", r"\bcurieuse\b")
STOPWORDS = frozenset(
    "the and for you your with that this what when where which will would could should have does about there then"
    " from just like really still time want maybe some them they their avec pour dans mais donc est que qui quoi"
    " quand comment alors tout tous cette ton tes ta les des une elle il".split())


def content_words(text: str) -> set[str]:
    return {word for word in re.findall(r"[a-z]{4,}", fold(text)) if word not in STOPWORDS}


def answers(reply: str, question: str) -> bool:
    """An outgoing message answers the question: it opens like an answer in one of its sentences or
    takes up a word of it, and does not dodge it ("wait and see", "you're so curious")."""
    low = fold(reply)
    if DODGE.search(low):
        return False
    sentences = (sentence.strip() for sentence in re.split(r"[.!?\n]+", low))
    return any(ANSWER_OPENER.match(sentence) for sentence in sentences if sentence) \
        or bool(content_words(reply) & content_words(question))


def settles(text: str) -> bool:
    """The fan says the problem is gone ("thanks, it works now", "c'est bon merci")."""
    low = fold(text)
    return bool(SETTLED_BY_FAN.search(low) or REFUND_SETTLED.search(low))


def settles_refund(text: str, *, outgoing: bool) -> bool:
    """A refund made (said by the creator or the assistant) or received (said by the fan)."""
    return bool((REFUND_DONE if outgoing else REFUND_SETTLED).search(fold(text)))


def names_subject(text: str, subject: str) -> bool:
    low = fold(text)
    return any(re.search(rf"\b{word}\b", low) for word in SUBJECTS[subject])


def asks_about(text: str, subject: str) -> bool:
    """An outgoing question naming the follow-up's subject ("how did the exam go?"; "bon voyage !" is none)."""
    return "?" in text and names_subject(text, subject)


def tells_outcome(text: str, subject: str) -> bool:
    """A fan message naming the follow-up's subject again and how it went ("exam went well")."""
    return names_subject(text, subject) and bool(OUTCOME_WORDS.search(fold(text)))


def category_named(text: str, categories: list[str]) -> str | None:
    """The first of `categories` the message names ("the lingerie set"), else None."""
    low = fold(text)
    return next((category for category in categories
                 if re.search(rf"\b{re.escape(fold(category).replace('_', ' '))}s?\b", low)), None)

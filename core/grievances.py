"""What a fan's message says is wrong, and that it is put right: word patterns in English and French.

Shared by the open items (which open and settle items on them) and the emotion analyzer (which
reads a complaint as negative, however polite or ironic its words). Patterns are written against
the folded text (lowercase, no accents, apostrophes as spaces, so "c'est", "c est" and "c’est" read
alike; one character per character, so a span found there is the same span in the message).
"""
import re
import unicodedata

_FOLD = {cp: unicodedata.normalize("NFD", chr(cp))[0].lower() for cp in range(0xC0, 0x250)
         if unicodedata.normalize("NFD", chr(cp))[0].isascii()}
_FOLD.update({ord(mark): " " for mark in "'’‘`´"})


def fold(text: str) -> str:
    """Lowercase, accents off, apostrophes as spaces: one character per character."""
    return "".join(ch.translate(_FOLD).lower()[:1] or " " for ch in text)


def any_of(*patterns: str) -> re.Pattern:
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns))


_NEG = r"(?:not|never|n t|no|pas|jamais|plus)"
_THING = (r"(?:video|vid|clip|file|link|set|pic|pics|picture|photo|photos|content|ppv|download|stream|live"
          r"|lien|fichier|contenu|telechargement|image)s?")

REFUND_WORDS = any_of(r"\brefund", r"\bmoney back\b", r"\bchargeback\b", r"\bgive me my money\b",
                    r"\brembours", r"\b(?:rends|rendre|rendez)[- ]moi mon argent\b", r"\bmon argent\b")
CONTENT_PROBLEM_WORDS = any_of(
    r"\bblurr?y\b", r"\bpixel+ated\b", r"\bout of focus\b", r"\bblack screen\b", r"\bno sound\b",
    r"\bbroken link\b", r"\blink (?:is )?(?:dead|broken|expired)\b",
    rf"\b{_THING}\b[^.!?]{{0,40}}\b(?:doesn t|does not|won t|will not|isn t|is not|didn t|did not|can t|cannot"
    r"|cant|wont|doesnt|didnt|not) (?:work|load|play|open|download|unlock|show|come through|arrive)",
    r"\b(?:can t|cannot|cant|couldn t|unable to) (?:open|play|load|download|unlock|see|view|watch)"
    r" (?:the|it|my|this|that)\b",
    r"\b(?:cuts?|cut off|stops?|stopped|freezes?|froze) (?:at|after) \d+", r"\bonly \d+ ?s(?:ec(?:ond)?s?)?\b",
    r"\b(?:never|didn t|did not|haven t|have not) (?:got|get|receive|received|arrived?)\b[^.!?]{0,30}"
    rf"\b(?:{_THING}|it|what i paid)",
    r"\bflou(?:e|es|s)?\b", r"\bpixelis", r"\becran noir\b", r"\bpas de son\b",
    rf"\b{_THING}\b[^.!?]{{0,40}}\b(?:ne )?(?:marche|fonctionne|s ouvre|charge|se lance|passe) (?:encore |toujours )?(?:pas|plus)\b",
    r"\b(?:ca|sa|ça) (?:ne )?(?:marche|fonctionne|charge) (?:encore |toujours )?(?:pas|plus)\b",
    r"\b(?:coupe|s arrete|bloque|plante) (?:a|apres|au bout de) \d+",
    r"\b(?:j ai |jai )?(?:pas|jamais|rien) recu\b", r"\bimpossible (?:de|d) (?:ouvrir|lire|telecharger|voir|debloquer)\b")
COMPLAINT_WORDS = any_of(
    r"\bdisappoint", r"\bnot worth\b", r"\bwaste of (?:money|time)\b", r"\bripp?ed off\b", r"\brip[ -]?off\b",
    r"\bscam", r"\bunacceptable\b", r"\bnot what (?:i|you) (?:paid|ordered|asked|promised|said)",
    r"\bpaid for (?:this|that|nothing)\b", r"\bwant to complain\b", r"\bcomplain(?:t|ing)?\b", r"\boverpriced\b",
    rf"\b(?:{_THING}|this|that|it)\b(?: \w+){{0,3}} (?:is|was|s|looks|looked|sounds) (?:so |really )?"
    r"(?:terrible|awful|crap|trash|garbage|bad)\b",
    r"\bfalse advertising\b", r"\bnot happy with\b",
    r"\bdecu(?:e|s|es)?\b", r"\barnaque", r"\binadmissible\b", r"\binacceptable\b", r"\bpas terrible\b",
    r"\bpas ce que (?:j ai|jai|tu m as|tu avais) (?:paye|commande|demande|promis)", r"\bje me plains\b",
    r"\bpaid (?:for|\d+)[^.!?]{0,40}\b(?:and|but) (?:it s|its|it was|they re|there s) (?:literally |just |only )",
    r"\b(?:it s|its|it was) only \d+ ?(?:min|mins|minutes|sec|secs|seconds|s|pics|photos)\b",
    r"\byou (?:said|promised) \d+\b", r"\btu (?:avais dit|as dit|m avais promis) \d+\b",
    r"\b(?:always|every time) the same (?:pics|photos|content|videos|stuff|message)\b",
    r"\bstop sending me\b", r"\b(?:it s|its|that s|thats) creepy\b",
    r"\btoujours (?:les|la|le) memes?\b", r"\barrete de m envoyer\b",
    r"\bplainte\b", r"\bfoutage de gueule\b", r"\bpas content(?:e)? (?:de|du)\b",
    rf"\b(?:{_THING}|c|c est|ce set|cette video|ca)\b(?: \w+){{0,2}} (?:est |etait |)(?:nul|nulle|naze|pourri|pourrie)\b")
# Words a complaint pattern must not follow: "not disappointed", "pas decu" (but "pas terrible" is one).
NEGATED = re.compile(rf"\b{_NEG}(?: \w+)?\s*$")

SETTLED_BY_FAN = any_of(
    r"\b(?:it|that|everything|all) (?:works|worked|is working|s working)(?! ?\?)", r"\bworks now\b",
    r"\bworking now\b", r"\ball good\b", r"\ball sorted\b", r"\b(?:it s|its) (?:fixed|sorted|fine now|ok now)\b",
    r"\bproblem solved\b", r"\bnever ?mind\b", r"\bnvm\b", r"\bgot it now\b", r"\b(?:it|everything) loads? now\b",
    r"\bc est bon\b(?! ?\?)", r"\b(?:ca|sa) (?:marche|fonctionne)(?! (?:pas|plus))(?:\s|$|[!.,])",
    r"\bc est (?:regle|resolu|reparé|repare)\b", r"\bj ai (?:bien )?recu\b", r"\blaisse tomber\b",
    r"\bc est rentre dans l ordre\b")
REFUND_SETTLED = any_of(r"\b(?:got|received|saw) (?:my|the) (?:refund|money)\b", r"\bthanks? for the refund\b",
                      r"\b(?:bien )?(?:ete )?rembourse(?:e)?\b[^.!?]{0,20}\bmerci\b", r"\bmerci pour le remboursement\b",
                      r"\bj ai (?:bien )?(?:ete )?rembourse", r"\bremboursement (?:bien )?recu\b")
# Grievances about the service rather than a file: waiting, being ignored, charged twice, paying
# again, the same content again, a price for seconds, "thanks for nothing". Read by the analyzer.
_DURATION = r"(?:days?|hours?|weeks?|months?|hrs?|jours?|heures?|semaines?|mois|h)"
_PRICE = r"(?:[$€£] ?\d+(?:[.,]\d+)?|\b\d+(?:[.,]\d+)? ?(?:\$|€|£|euros?|bucks|balles|dollars)(?!\w))"
_SECONDS = r"\b\d+ ?(?:s|sec|secs|seconds|secondes)\b"
SERVICE_WORDS = any_of(
    r"\bstill (?:waiting|nothing|no (?:reply|answer|response|news))\b",
    r"\bstill (?:haven t|hasn t|didn t|don t|doesn t|not) (?:got|get|gotten|received|heard|seen|arrived|answered|replied)",
    rf"\b(?:\d+|two|three|four|five|a|an) {_DURATION} (?:for|to get|to wait for|pour|avant) (?:a |an |une |me |m |d )?"
    r"(?:reply|answer|response|repondre|reponse|reponses)\b",
    rf"\b(?:it s|its|that s|it has|it s already) been (?:a|an|\d+|two|three|four|five|over a) {_DURATION}\b",
    rf"\bca fait (?:\d+|deux|trois|quatre|cinq|une|un|plus d une|des) {_DURATION}\b",
    r"\bj attends? (?:toujours|encore|depuis)\b", r"\btoujours (?:rien|pas de (?:reponse|nouvelles))\b",
    r"\bnever (?:answer|answers|answered|reply|replies|replied|respond|responds|responded|to answer|to reply)\b",
    r"\b(?:get|got|getting|been|be) (?:ignored|ghosted|left on read)\b", r"\bignor(?:e|es|ed|ing) (?:me|my|us)\b",
    r"\b(?:didn t|did not|don t|never) (?:even )?(?:answer|reply|respond)\b", r"\bleft on read\b",
    r"\bno (?:reply|answer|response) (?:at all|yet|since|for)\b",
    r"\b(?:repond|reponds|repondez|reponde) (?:jamais|pas|plus|toujours pas)\b", r"\b(?:pas|plus) (?:avoir )?(?:de|une) reponse\b",
    r"\bvu et pas\b", r"\bm ignore", r"\bsans (?:reponse|nouvelles)\b", r"\bpas un (?:petit )?mot\b",
    r"\bcharg(?:e|ed|es|ing) (?:me )?(?:twice|double|two times|again)\b", r"\bdouble (?:charge|charged|billing|billed)\b",
    r"\bpaid twice\b", r"\b(?:debite|debitee|preleve|prelevee|paye|payee|facture|facturee) (?:deux|2) fois\b",
    r"\b(?:behind|for) (?:a|another|yet another) (?:paywall|payment|fee)\b", r"\bun autre paiement\b",
    r"\b(?:encore|re) ?payer\b",
    r"\bsame (?:set|pic|pics|photo|photos|video|videos|content|stuff|one|thing|bundle|pack) (?:as|than|from|i)\b",
    r"\balready (?:saw|seen|had|have|got|bought|paid for)\b",
    r"\b(?:la|le|les) memes? (?:photo|photos|video|videos|set|contenu|pack|chose)s? (?:que|qu)\b",
    r"\bj (?:l |les )?avais deja\b",
    r"\bthanks? (?:you )?for nothing\b", r"\bmerci pour rien\b",
    r"\b(?:144|240|360)p\b", r"\bgrainy\b", r"\bjust static\b",
    r"\b(?:does not|doesn t|don t|do not) exist any ?more\b", r"\bwrong (?:name|outfit|video|file|one|size|set|pic)\b",
    r"\bmauvais (?:prenom|nom|fichier|set|pack)\b", r"\bmauvaise (?:video|photo|tenue|taille)\b",
    r"\bnot the (?:outfit|video|set|one|thing|pic|photo|pics|photos|content) (?:i|we)\b",
    r"\bpas (?:du tout )?(?:la|le|les|ce|ces) (?:\w+ ){0,2}que (?:j|je|on)\b", r"\bexpired?\b",
    r"\bonly (?:got|get|received|had|sent) \d+\b", r"\b(?:eu|recu) (?:que|seulement) \d+\b",
    r"\b(?:looked|looks|look|is|was|sounds) nothing like\b", r"\bressembl\w* (?:pas du tout|en rien)\b",
    r"\b(?:son|audio|video|live|lien|sound) (?:est |a )?(?:coupe|coupee|saute|plante)\b", r"\bpayer pour (?:ca|rien)\b",
    r"\b(?:devait|devais|should have|was supposed to|were supposed to) (?:commencer|start|arriver|arrive|come|be out)\b",
    r"\bc est abuse\b", r"\b(?:le )?prix a (?:double|augmente)\b", r"\bprices? (?:doubled|went up)\b",
    r"\b(?:jamais|pas) (?:ete )?pris en compte\b", r"\bnever (?:got )?acknowledged\b",
    r"\bj attendais (?:beaucoup |bien |vraiment )?mieux\b", r"\bexpected (?:much |a lot |way )?(?:more|better)\b",
    r"\bskipped (?:my|me)\b", r"\bstop(?:ped)? posting\b", r"\b(?:ne )?postes? (?:plus|jamais|partout sauf)\b",
    rf"{_PRICE}[^.!?]{{0,40}}{_SECONDS}", rf"{_SECONDS}[^.!?]{{0,40}}{_PRICE}")

"""Facts about the fan and hand-over flags found in one message: pure functions, no I/O.

`extract(content, sender=..., sent_at=...)` returns the candidate facts and flags of one message.
Precision first: a fact needs a first-person pattern, a value from a closed list (or an explicit
"my name is"), and survives the guards of `text` (questions, hypotheticals, reported speech,
quotes, jokes, negation). Only the fan's own messages say anything about the fan.
Flags favour recall (a missed self-harm message is worse than a needless hand-over), so they
skip the question and joke guards, keeping only idioms apart ("to die for", "killing me").
"""
import re
from dataclasses import dataclass, field
from datetime import datetime

from . import lexicon as lx
from .dates import month_day, upcoming_date
from .text import Text, in_question, is_hypothetical, is_reported, joked, negated, prepare

SINGLE_KINDS = ("name", "age", "birthday", "city", "country", "timezone", "job", "relationship")
MULTI_KINDS = ("pet", "like", "dislike", "event", "boundary")
KINDS = SINGLE_KINDS + MULTI_KINDS
FLAG_REASONS = ("bot_question", "custom_request", "tip_over_threshold", "distress", "self_harm", "threat", "minor")
TEXT_FLAGS = tuple(reason for reason in FLAG_REASONS if reason != "tip_over_threshold")


@dataclass(frozen=True)
class Candidate:
    kind: str
    value: object
    confidence: float
    correction: bool = False


@dataclass
class Extraction:
    facts: list[Candidate] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)


def _alternation(words) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


I_AM = r"(?:i'm|im|i am|i'am|iam)"
JE_SUIS = r"(?:je suis|jsuis|j'suis|chui|je suis)"
CORRECTION = re.compile(r"\b(?:actually|correction|i lied|my bad|en fait|je me suis trompe|pas \d+|not \d+)\b")

# --- name ------------------------------------------------------------------------------------
NAME_EXPLICIT = re.compile(r"\b(?:my name is|my name's|my names|names|name's|je m'appelle|jm'appelle|je m appelle"
                           r"|mon prenom c'est|mon prenom est|mon nom c'est)\s+([a-z][a-z'-]{1,20})")
NAME_NICK = re.compile(r"\b(?:call me|appelle[- ]moi|appelez[- ]moi|on m'appelle|m'appelle)\s+([a-z][a-z'-]{1,20})")
# "moi c'est Dana": a capitalised word closing the introduction is a name even off the list of first names.
NAME_INTRO = re.compile(r"\bmoi c'est ([a-z][a-z'-]{1,20})(?=\s*(?:$|[,.!?;:)]|[^\w\s'-]|et (?:toi|vous)\b|\d))")
NAME_WEAK = re.compile(rf"\b(?:{I_AM}|moi c'est|{JE_SUIS}|it's|its|c'est)\s+([a-z][a-z'-]{{1,20}})\b")
NAME_HERE = re.compile(r"^\W*([a-z][a-z'-]{1,20}) here\b")
NAME_FIXED = re.compile(r"\bmy name (?:isn't|is not|aint|ain't) [a-z]+,? (?:it's|its|it is) ([a-z][a-z'-]{1,20})")
ENDEARMENTS = {"baby", "babe", "daddy", "sweetie", "honey", "sweetheart", "darling", "love", "papi", "papa",
               "cheri", "bebe", "chou", "mon", "ton", "ta", "king", "master", "sir", "boss", "bro", "dude",
               "whatever", "anything", "what", "whenever", "when", "after", "before", "back", "again", "now",
               "tomorrow", "later", "tonight", "crazy", "yours", "your", "pas", "ce", "comme", "quand"}

# --- age ---------------------------------------------------------------------------------------
NOT_AGE_AFTER = (r"(?!\s*(?:min|mins|minute|minutes|hour|hours|hr|hrs|h\b|km|mile|miles|mi\b|inch|in\b|lb|lbs|kg"
                 r"|%|'|\"|ft|feet|foot|cm|k\b|am\b|pm\b|:|\.\d|th\b|st\b|nd\b|rd\b|x\b|times|people|day|days|week"
                 r"|weeks|month|months|percent|\+|\$|€|euros?|dollars?|bucks|[-/]\d|more|of|out|away|sec|seconds))")
AGES = (
    re.compile(rf"\b{I_AM}\s+(?:only |just |now |finally |actually |really |a grown man,? )?(\d{{1,2}})(?!\d){NOT_AGE_AFTER}"),
    re.compile(r"(?:^|[,.!]\s*)\W*(\d{2})\s*(?:years old|year old|yrs old|yr old|yo|y/o|y\.o\.)\b"),
    re.compile(rf"\b{I_AM}\s+(?:only |just |now )?(\d{{1,2}})\s*(?:years old|year old|yrs old|yr old|yo|y/o)\b"),
    re.compile(r"\b(?:j'ai|jai|j ai|je viens d'avoir|je viens d avoir|g)\s+(\d{1,2})\s*ans\b"),
    re.compile(r"(?:^|\bi |\bi just |\bjust )turned (\d{1,2})\b"),
    re.compile(rf"\b(?:{I_AM}|moi c'est|c'est|my name is|my name's|name's|names|je m'appelle)\s+[a-z'-]+\s*,\s*"
               rf"(\d{{2}})(?!\d){NOT_AGE_AFTER}"),
)
PAST_AGE = re.compile(r"\b(?:when i was|i was|back when|quand j'avais|j'avais)\s*$")

# --- minor (beside an age under 18) ----------------------------------------------------------
MINOR = re.compile(
    rf"\b(?:{I_AM}|{JE_SUIS}|i'm still|je suis encore)\s+(?:still |only |just |encore |a |an )*"
    r"(?:(?:(?:a )?(?:junior|senior|sophomore|freshman) in |in |at )(?:high school|highschool|middle school|junior high)"
    r"|in (?:\d{1,2})(?:th|st|nd|rd) grade|underage|under 18|under eighteen|a minor|mineur|mineure"
    r"|en (?:seconde|premiere|terminale|[3-6](?:e|eme)|troisieme|quatrieme|cinquieme|sixieme)"
    r"|au (?:lycee|college))\b"
    r"|\b(?:i turn|i'll turn|i'll be|i will be|j'aurai|jaurai)\s+18\b(?: ans)?(?!\s*(?:years ago|ans? depuis))"
    r"|\b(?:not 18 yet|pas encore 18 ans|pas majeur|pas encore majeur)\b"
)
MINOR_PAST = re.compile(r"\b(?:when i was|back in|quand j'etais|j'etais|i was)\b")

# --- places ------------------------------------------------------------------------------------
PLACES = {**{k: ("city", tz) for k, tz in lx.CITIES.items()}, **{k: ("city", tz) for k, tz in lx.REGIONS.items()},
          **{k: ("country", v) for k, v in lx.COUNTRIES.items()}}
PLACE_NAMES = {"la": "Los Angeles", "nyc": "New York", "vegas": "Las Vegas", "philly": "Philadelphia",
               "rio": "Rio de Janeiro"}
CASE_SENSITIVE_PLACES = {"la", "us", "nice", "tours", "nancy", "austin", "phoenix", "rio", "metz", "reims", "brest"}
_PLACE = _alternation(PLACES)
LIVES = re.compile(
    r"\b(?:i live in|i'm living in|im living in|living in|i'm based in|im based in|based in|i (?:just )?moved to"
    r"|just moved to|j'habite|jhabite|j'vis|je vis|je viens d'emmenager|je viens d emmenager|j'ai emmenage"
    r"|je suis installee? (?:a|en|au))"
    rf"\s+(?:a |au |aux |en |in |to |the |dans le |du )?({_PLACE})(?![a-z])"
)
ORIGIN = re.compile(
    rf"\b(?:{I_AM} from|{I_AM} originally from|originally from|greetings from|hello from|hi from|born and raised in"
    r"|je viens de|je viens d'|je suis de|je suis originaire de|je suis originaire d')"
    rf"\s+(?:a |au |aux |en |in |the |du )?({_PLACE})(?![a-z])"
)
FROM_PLACE = re.compile(rf"\bfrom (?:the )?({_PLACE})(?![a-z])")
FROM_PREFIX = re.compile(rf"^\W*(?:(?:hey|hi|hello|yo)\W+)?(?:{I_AM}\s+(?!not|never|no\b)[a-z'-]+\s*)?$")
IN_PLACE = re.compile(rf"\b{I_AM} in ({_PLACE})(?![a-z])(?!\s*(?:for|on|this|today|tonight|rn|right now|until"
                      r"|till|visiting|with|next|til))")
PLACE_GUY = re.compile(rf"^\W*({_PLACE}) (?:guy|man|dude|boy|girl|gal|native|resident) here\b")
DEMONYM = re.compile(rf"\b(?:{I_AM}|{JE_SUIS})\s+(?:a |an |un |une |proud |fier |fiere )*"
                     rf"({_alternation(lx.DEMONYMS)})\b(?!\s+(?:{_alternation(lx.JOBS_EN | lx.JOBS_FR)}))")
JOB_IN_PLACE = re.compile(rf"\s*(?:in|a|at|de) ({_PLACE})(?![a-z])")

# --- time zone ---------------------------------------------------------------------------------
_TZ = _alternation(lx.TZ_ABBREVIATIONS)
TZ_STATED = re.compile(rf"\b(?:{I_AM}|i live|we're|were) (?:on|in) ({_TZ})(?: time)?\b")
TZ_NAMED = re.compile(rf"\b(?:my timezone is|my time zone is|my tz is|timezone|time zone|fuseau horaire)\W+"
                      rf"(?:is |c'est )?({_TZ}|{_PLACE})\b")
TZ_FR = re.compile(rf"\b{JE_SUIS} (?:a|sur) l'heure (?:de |d')?({_PLACE}|{_TZ})\b")

# --- job ---------------------------------------------------------------------------------------
STUDENT_WORDS = {"student", "etudiant", "etudiante"}
_JOB_EN = _alternation(lx.JOB_PHRASES_EN | lx.JOBS_EN | STUDENT_WORDS | {"college student", "grad student",
                                                                         "phd student", "med student"})
_JOB_FR = _alternation(lx.JOB_PHRASES_FR | lx.JOBS_FR | STUDENT_WORDS)
_MODIFIERS = _alternation(lx.NOT_JOB_MODIFIERS)
JOB_EN = re.compile(rf"\b(?:{I_AM}|i work as|i'm working as|im working as|i work as)\s+(?:a|an)\s+"
                    rf"(?!(?:{_MODIFIERS})\b)(?:(?:night|full time|full-time|part time|part-time|travel|travelling"
                    rf"|traveling|registered|licensed|head|senior|junior|self-employed|freelance) )?({_JOB_EN})(?![a-z])")
JOB_FR = re.compile(rf"\b(?:{JE_SUIS}|je bosse comme|je travaille comme|je taffe comme|je bosse en tant que"
                    rf"|je travaille en tant que)\s+(?:un |une )?({_JOB_FR})(?![a-z])")
STUDIES = re.compile(r"\b(?:i study|i'm studying|im studying|i am studying|i major in|i'm majoring"
                     r"|(?:in|at) (?:college|uni|university) (?:studying|majoring))\b")
WORK_FIELD = re.compile(rf"\bi work (?:in|at) ({_alternation(lx.WORK_FIELDS)})(?![a-z])")
WORK_FIELD_FR = re.compile(rf"\b(?:je travaille|je bosse|je taffe) dans (?:le |la |l'|les )?"
                           rf"({_alternation(lx.WORK_FIELDS_FR)})(?![a-z])")
# Shifts at a workplace say where the fan works ("night shifts at the hospital": job "a hospital").
WORKPLACES_EN = {"hospital", "warehouse", "factory", "restaurant", "bar", "hotel", "prison", "clinic", "nursing home",
                 "care home", "airport", "plant", "mine", "casino", "club", "store", "supermarket", "gas station",
                 "call center", "fire station", "police station", "er", "icu", "bakery", "garage", "lab", "diner",
                 "plant", "mill", "docks", "port", "refinery", "rig"}
WORKPLACES_FR = {"hopital", "usine", "entrepot", "ehpad", "clinique", "resto", "restaurant", "bar", "hotel", "prison",
                 "aeroport", "supermarche", "magasin", "caserne", "boulangerie", "garage", "labo", "urgences",
                 "centrale", "mine", "port", "chantier"}
_SHIFT_CUE = (r"(?P<cue>i work|i'm working|im working|working|i do|i'm doing|im doing|doing|pulling|i pull|done with"
              r"|finished|finishing|got off|off|back from|from|after|on|my|another|between)")
_SHIFT_SIZE = r"(?:(?:night|day|late|early|double|long|graveyard|overnight|evening|morning|\d+ ?h|\d+ ?hours?|\d+-hour) )*"
SHIFT_AT = re.compile(
    rf"\b(?:{_SHIFT_CUE} )?(?:an? |the |my |another |two |three |four |\d+ )?{_SHIFT_SIZE}"
    rf"(?:shifts?|nights|nightshifts?) (?:at|in) (?:the |a )(?P<shift>{_alternation(WORKPLACES_EN)})(?![a-z])"
    rf"|\bi (?:work|am working|'m working) (?:at|in) (?:the|a) (?P<place>{_alternation(WORKPLACES_EN)})(?![a-z])"
)
SHIFT_AT_FR = re.compile(
    r"\b(?:je (?:fais|bosse|travaille|taffe|enchaine|suis de garde)|j'enchaine|j'ai|je suis)"
    r" (?:(?:des|les|mes|une|la|ma) (?:gardes?|nuits?|services?|equipes?)(?: de nuit)? )?"
    rf"(?:a l'|a la |au |aux |dans un |dans une |dans l')({_alternation(WORKPLACES_FR)})(?![a-z])"
)
SHIFT_OPENERS = ("", "just", "so", "ugh", "and", "et", "lol", "omg", "hey", "long", "back", "another", "still")

# --- relationship ------------------------------------------------------------------------------
STATUS = {"single": "single", "celibataire": "single", "married": "married", "marie": "married",
          "mariee": "married", "divorced": "divorced", "divorce": "divorced", "divorcee": "divorced",
          "separated": "separated", "separe": "separated", "separee": "separated", "engaged": "engaged",
          "fiance": "engaged", "fiancee": "engaged", "widowed": "widowed", "a widower": "widowed",
          "a widow": "widowed", "veuf": "widowed", "veuve": "widowed", "en couple": "in a relationship",
          "in a relationship": "in a relationship", "taken": "in a relationship"}
_STATUS = _alternation(STATUS)
_ADVERBS = r"(?:(?:still|happily|finally|now|currently|toujours|encore|officially|newly|recently|actuellement) )*"
RELATIONSHIP = (
    re.compile(rf"\b(?:{I_AM}|{JE_SUIS})\s+{_ADVERBS}({_STATUS})(?![a-z-])(?! to (?:my|the|it|this) )"),
    re.compile(rf"^\W*(?:(?:and|et) )?{_ADVERBS}({_STATUS})\W*$"),
    re.compile(r"^\W*(?:happily )?(married) (?:for|since|\d)"),
    re.compile(r"(?:^|\bi )\W*(?:just |recently )?got (divorced|married|engaged)\b"),
    re.compile(rf"\b(?:{I_AM}|j'ai|jai)\s+\d{{2}}(?: ans)?,? (?:and|et) {_ADVERBS}({_STATUS})(?![a-z])"),
)
# A breakup the fan tells: single since today, and a life event to ask about later.
_PARTNERS_EN = r"(?:girlfriend|boyfriend|gf|bf|wife|husband|fiancee?|partner|girl|man)"
BREAKUP = re.compile(
    rf"\bmy (?:ex-?)?{_PARTNERS_EN} (?:just |finally |officially )?(?:left me|dumped me|broke up with me)"
    r"(?=\s*(?:$|[^\w\s]|yesterday|today|tonight|last|this|after|for (?:another|someone|some|a|her|his)|and|but|lol"
    r"|omg|smh|tbh|out of|over|via|by))"
    r"|(?:^|\bi |\bi just |\bjust )got dumped\b|\b(?:she|he) (?:just )?(?:dumped me|left me|broke up with me)(?=\s*(?:$|[^\w\s]"
    r"|yesterday|today|tonight|last|this|after|for (?:another|someone|a)|and|but|lol))"
    r"|\b(?:we|we just|we finally) (?:broke up|split up|called it quits)(?=\s*(?:$|[^\w\s]|yesterday|today|tonight|last"
    r"|this|after|and|but|lol|on|for good|a (?:week|month|few))\b)"
    rf"|\bi (?:just )?(?:broke up|split) with my {_PARTNERS_EN}\b"
    r"|^\W*(?:(?:il|elle) )?(?:vient de me |m'a )(?:quittee?|larguee?)(?=\s*(?:$|[^\w\s]|hier|ce |cette|la semaine|pour|apres))"
    r"|\b(?:ma|mon) (?:copine|meuf|femme|nana|copain|mec|mari|fiancee?) (?:vient de me |m'a )(?:quittee?|larguee?)\b"
    r"|\bje (?:me suis fait|me suis faite|viens de me faire) (?:larguer|quitter|jeter)\b"
    r"|\b(?:on|nous) (?:a|avons|vient de|s'est|s'est) (?:rompu|separes?|quittes)\b|\bj'ai rompu\b"
    r"|\bon s'est (?:separes?|quittes)\b"
)
PARTNER = re.compile(r"\b(?:i have|i've got|ive got|i got|j'ai) (?:a |une |un )(girlfriend|boyfriend|gf|bf|wife|husband"
                     r"|copine|copain|meuf|mec|femme|mari)\b")
PARTNER_STATUS = {"wife": "married", "husband": "married", "femme": "married", "mari": "married"}

# --- pets --------------------------------------------------------------------------------------
_SPECIES = _alternation(lx.SPECIES)
_PET_NAME = r"([A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'-]{1,15})"
PET_HAVE = re.compile(
    rf"\b(?:i have|i've got|ive got|i got|i just got|we have|we've got|we adopted|i adopted|we got|j'ai|jai|on a)\s+"
    rf"(?:a |an |one |two |three |2 |3 |un |une |deux |trois |des )?(?:little |big |old |new |baby |cute |petit |petite "
    rf"|gros |grosse )?({_SPECIES})(?![a-z])(?:\s+(?:named|called|qui s'appelle|qui s appelle|nomme|nommee|appele|appelee)"
    rf"\s+([a-z][a-z'-]{{1,15}}))?"
)
PET_MY = re.compile(rf"\b(?:my|mon|ma|mes)\s+(?:\d |two |three |deux |trois )?(?:little |old |baby |sweet |petit |petite )?"
                    rf"({_SPECIES})(?![a-z])"
                    rf"(?:(?:'s name is| is named| named| called|, named| qui s'appelle| s'appelle)?\s+"
                    rf"([a-z][a-z'-]{{1,15}}))?")
PET_GONE = re.compile(r"\s*(?:[a-z'-]+ )?(?:died|passed|is gone|was put down|ran away|est mort|est morte|est decede"
                      r"|nous a quittes|s'est enfui)")
PET_AND = re.compile(rf"\b(?:and|et|plus) (?:a |an |one |two |un |une |deux |trois |2 |3 )(?:little |big |petit |petite )?"
                     rf"({_SPECIES})(?![a-z])(?:\s+(?:named|called|qui s'appelle|nomme|nommee)\s+([a-z][a-z'-]{{1,15}}))?")
NOT_PET_NAME = lx.NOT_A_NAME | {"is", "was", "and", "has", "had", "says", "said", "just", "died", "got", "keeps",
                                "loves", "hates", "likes", "who", "that", "at", "on", "in", "to", "for", "of", "with",
                                "est", "a", "et", "qui", "dort", "fait", "aime", "sleeps", "barks", "ate", "likes",
                                "passed", "would", "will", "can", "could", "does", "did", "never", "always",
                                "le", "la", "les", "de", "du", "des", "sur", "dans"}

# --- likes and dislikes ------------------------------------------------------------------------
EXTRA_LIKES = set("""
cooking photography reading music movies anime cars motorcycles bikes dogs cats sushi pizza tacos beer wine
coffee travel traveling travelling gaming gym cooking baking gardening painting drawing writing singing
netflix hunting fishing camping boxing mma wrestling nascar f1 football soccer fitness workouts
""".split()) | {"working out", "the beach", "the gym", "video games", "horror movies", "country music", "hip hop",
                "rap", "rock", "metal", "jazz", "the outdoors", "road trips"}
EXTRA_LIKES_FR = {"cuisine", "plage", "la plage", "lecture", "voyages", "voyager", "cinema", "series", "mangas",
                  "manga", "musique", "rap", "rock", "metal", "chiens", "chats", "motos", "voitures", "peche",
                  "rando", "velo", "jeux video", "jeux-video", "sushis", "pizza", "biere", "vin"}
DISLIKEABLE = set("""
cilantro coriander onions mushrooms olives pickles tomatoes cold rain snow winter summer heat traffic mondays
crowds spiders snakes clowns liars cheaters drama wasps bugs mornings cats dogs coffee beer country
""".split()) | {"the cold", "the rain", "the heat", "the snow", "fake people", "the winter", "the summer",
                "froid", "chaleur", "pluie", "neige", "hiver", "lundis", "lundi", "matin", "araignees",
                "menteurs", "foule", "embouteillages", "bouchons", "foot", "football"}
FOODS = {"pineapple", "ananas", "mayo", "mayonnaise", "ketchup", "mustard", "moutarde", "anchovies", "anchois",
         "raisins", "peas", "broccoli", "brocolis", "liver", "foie", "pizza", "burgers", "burger", "pasta", "pates",
         "fries", "frites", "tacos", "coffee", "cafe", "eggs", "oeufs", "cheese", "fromage", "beans", "sushi",
         "sushis", "seafood", "fruits de mer", "fish", "poisson", "garlic", "ail", "spicy food", "blue cheese"}
DISLIKEABLE |= FOODS
ARTICLE = r"(?:the |le |la |les |l')?"
# "pineapple on pizza", "l'ananas sur la pizza": the combination is the dislike, not its first word.
_FOOD_COMBO = (rf"(?: (?:on|in|with|sur|dans|avec) (?:the |my |a |la |le |les |l'|ma |mon |des |du )?"
               rf"(?:{_alternation(FOODS)})(?![a-z]))?")
LIKEABLE = lx.PLAYABLE | lx.ACTIVITIES | lx.HOBBIES_FR | EXTRA_LIKES | EXTRA_LIKES_FR
_LIKE = _alternation(LIKEABLE)
_DISLIKE = rf"(?:{_alternation(DISLIKEABLE | LIKEABLE)})(?![a-z]){_FOOD_COMBO}"
LIKES = (
    re.compile(rf"\bi (?:really |truly |absolutely |just |also |do |totally )?(?:love|like|enjoy|adore|dig)\s+"
               rf"(?:playing |watching |going |doing )?{ARTICLE}({_LIKE})(?![a-z])"),
    re.compile(rf"\b{I_AM} (?:really |so |super |totally |big |very |also |heavily )?(?:into|obsessed with) "
               rf"{ARTICLE}({_LIKE})(?![a-z])"),
    re.compile(rf"(?:^|\b{I_AM} (?:a )?)\W*(?:big|huge|massive) fan of {ARTICLE}({_LIKE})(?![a-z])"),
    re.compile(rf"(?:\b{I_AM} (?:a )?|^\W*)(?:big |huge |massive )({_LIKE}) (?:fan|guy|addict|nut)\b"),
    re.compile(rf"\bmy (?:favorite |favourite |fav |fave |main )?(?:hobby is|hobbies are|passion is) {ARTICLE}"
               rf"({_LIKE})(?![a-z])(?: and {ARTICLE}({_LIKE})(?![a-z]))?"),
    re.compile(rf"\b(?:mes hobbies|mon hobby|mes passions|ma passion|mes loisirs|mon loisir) (?:c'est|ce sont|sont|est)"
               rf" {ARTICLE}({_LIKE})(?![a-z])(?: et {ARTICLE}({_LIKE})(?![a-z]))?"),
    re.compile(rf"\bi play (?:the |a lot of |some )?({_alternation(lx.PLAYABLE)})(?![a-z])"),
    re.compile(rf"\bj'(?:adore|aime|kiffe)\s+(?:bien |trop |grave |beaucoup |vraiment )?(?:faire |jouer )?"
               rf"(?:de la |du |des |de l'|au |aux |a la )?{ARTICLE}({_LIKE})(?![a-z])"),
    re.compile(rf"\bje (?:kiffe|adore) (?:trop |grave )?{ARTICLE}({_LIKE})(?![a-z])"),
    re.compile(rf"\bje (?:fais|pratique) (?:de la |du |des |de l')({_LIKE})(?![a-z])"),
    re.compile(rf"\bje joue (?:au |a la |aux |du |de la )({_LIKE})(?![a-z])"),
)
FAVORITE = re.compile(
    r"\bmy (?:favorite|favourite|fav|fave) (?:food|band|show|movie|film|game|sport|color|colour|team|singer|artist"
    r"|drink|series|song|meal|snack|beer|car|book|rapper|player)(?: is|'s| of all time is)\s+([^,.!?;\n]{2,30})"
    r"|\b(?:mon|ma) (?:plat|film|groupe|sport|chanteur|chanteuse|jeu|serie|couleur|chanson|musique|equipe|boisson"
    r"|livre|artiste) (?:prefere|preferee|favori|favorite) (?:c'est|est)\s+([^,.!?;\n]{2,30})"
)
DISLIKES = (
    re.compile(rf"\bi (?:really |fucking |just |absolutely |truly )?(?:hate|can't stand|cant stand|cannot stand"
               rf"|don't like|dont like|do not like|despise|loathe|can't do|cant do)\s+{ARTICLE}({_DISLIKE})(?![a-z])"),
    re.compile(rf"\bje (?:deteste|hais|supporte pas|ne supporte pas|n'aime pas|kiffe pas|peux pas supporter)\s+"
               rf"{ARTICLE}({_DISLIKE})(?![a-z])"),
    re.compile(rf"\bj'(?:aime|kiffe|supporte) pas\s+{ARTICLE}({_DISLIKE})(?![a-z])"),
)

# --- events ------------------------------------------------------------------------------------
_EVENT = _alternation(lx.EVENT_NOUNS)
EVENT_OWN = re.compile(
    r"\b(?:my|mon|ma|i have|i've got|ive got|i got|got|j'ai|jai|je passe|i'm having|im having|i take|i'm taking"
    r"|going to|i'm going to|im going to|heading to|je vais a|je vais au)"
    rf"\s+(?:a |an |my |the |un |une |mon |ma |le |la |l')?(?:big |first |final |important |huge |gros |grand "
    rf"|grande |petit |petite )?({_EVENT})(?![a-z])"
)
EVENT_LEAVE = re.compile(r"\b(?:je pars|on part|je vais partir|i'm going|im going|going|i leave|i'm leaving|im leaving"
                         r"|leaving|we're going|heading)\s+(?:en |on |in |a |for |to )?(?:a )?"
                         r"(vacances|vacation|holiday|holidays|trip|voyage|road trip)\b")

# Someone close to the fan in hospital now: a life event to ask about later ("how is your grandma?").
RELATIVES = {"grandma": "grandma", "granny": "grandma", "nan": "grandma", "nana": "grandma", "grandmother": "grandma",
             "grandpa": "grandpa", "grandfather": "grandpa", "mom": "mom", "mum": "mom", "mother": "mom",
             "dad": "dad", "father": "dad", "brother": "brother", "sister": "sister", "wife": "wife",
             "husband": "husband", "son": "son", "daughter": "daughter", "girlfriend": "girlfriend",
             "boyfriend": "boyfriend", "aunt": "aunt", "uncle": "uncle", "best friend": "best friend",
             "grand-mere": "grandma", "grand mere": "grandma", "mamie": "grandma", "grand-pere": "grandpa",
             "grand pere": "grandpa", "papy": "grandpa", "papi": "grandpa", "mere": "mom", "maman": "mom",
             "pere": "dad", "papa": "dad", "frere": "brother", "soeur": "sister", "femme": "wife", "mari": "husband",
             "fils": "son", "fille": "daughter", "copine": "girlfriend", "copain": "boyfriend", "tante": "aunt",
             "oncle": "uncle", "meilleure amie": "best friend", "meilleur ami": "best friend"}
_RELATIVE = _alternation(RELATIVES)
RELATIVE_IN_HOSPITAL = re.compile(
    rf"\bmy ({_RELATIVE})(?:'s| is| has been|'s been| got| was| went| ended up)? (?:still |back |just |now )?"
    r"(?:(?:in|to|into) (?:the )?(?:hospital|er|icu|emergency room)|(?:taken|rushed|admitted) (?:in|to|into) (?:the )?"
    r"(?:hospital|er|icu|emergency room)|hospitali[sz]ed)\b"
    rf"|\b(?:ma|mon) ({_RELATIVE}) (?:est|a ete|vient d'etre|etait) (?:encore |toujours |de nouveau )?"
    r"(?:a l'hopital|aux urgences|en reanimation|en rea|hospitalisee?)\b"
)
SETTLED_PAST = re.compile(r"\b(?:was|etait)\b[^.!?]*\b(?:ago|years?|in (?:19|20)\d\d|last year|il y a|l'an dernier|en (?:19|20)\d\d)\b")

# --- boundaries --------------------------------------------------------------------------------
_BOUNDARY_WORD = r"([a-z][a-z'-]{1,20})"
BOUNDARY_CALL = re.compile(rf"\b(?:don't|dont|do not|never|stop|quit|please stop|pls stop|arrete de|arrete d')\s*"
                           rf"(?:ever )?(?:call|calling|m'appeler)\s+(?:me\s+)?{_BOUNDARY_WORD}")
BOUNDARY_CALL_FR = re.compile(rf"\b(?:ne )?m'appelle(?:z)? pas\s+{_BOUNDARY_WORD}")
BOUNDARY_TOPIC = re.compile(r"\b(?:don't|dont|do not|never|stop|please stop)\s+(?:ever )?(talk about|talking about"
                            r"|mention|mentioning|bring up|bringing up|ask about|asking about|ask me about)\s+"
                            r"((?:my |me )?[a-z'-]+)")
BOUNDARY_TOPIC_FR = re.compile(r"\b(?:ne )?(?:me )?parle(?:z)? (?:pas|jamais|plus) de\s+((?:mon |ma |mes )?[a-z'-]+)")
BOUNDARY_SEND = re.compile(r"\b(?:don't|dont|do not|never|stop|please stop)\s+(?:send|sending)\s+me\s+([a-z'-]+)")
TOPIC_VERBS = {"talking about": "talk about", "mentioning": "mention", "bringing up": "bring up",
               "asking about": "ask about", "ask me about": "ask about"}

# --- flags -------------------------------------------------------------------------------------
BOT_QUESTION = re.compile(
    r"\b(?:are|r) (?:you|u|ya) (?:a |an |even |really |actually |a real |like )*(?:real|bot|robot|ai"
    r"|a\.i\.|human|chatgpt|chat gpt|fake|real person|person|program|automated|machine|chatbot|computer)\b"
    r"|\bis (?:this|it|that) (?:a |an |even |really |actually |like )*(?:bot|robot|ai|a\.i\.|chatgpt|chat gpt"
    r"|real person|person|program|automated|machine|chatbot|computer|human)\b"
    r"|\bis (?:this|it|that) (?:even |really |actually )*real\s*(?:\?|$|or\b)"
    r"|\bis (?:this|it|that) (?:really |actually |even |truly )+(?:you|her)\b"
    r"|\bis (?:this|it) (?:you|your team|your manager|a chatter|an agency)\b.*\b(?:or|team|chatter|agency)\b"
    r"|\b(?:you|u) or (?:your|ur) (?:team|manager|chatter|assistant)\b"
    r"|\b(?:am i|i'm|im|i feel like i'm|feels like i'm) (?:talking|chatting|speaking|texting) (?:to|with) (?:a |an )?"
    r"(?:real person|real human|bot|robot|ai|human|machine|chatbot|computer|your team|your manager|chatter|program)\b"
    r"|\b(?:t'es|tu es|es-tu|t es|est-ce que tu es|est ce que t'es|vous etes|c'est|c est|is it) (?:une |un |vraiment )*"
    r"(?:ia|i\.a\.|bot|robot|chatbot|une machine|machine|vraie personne|vrai personne|humaine?)\b"
    r"|\b(?:you're|youre|ur|u r|you are|u are) not (?:a |an )?(?:bot|robot|ai|chatbot|fake)\b"
    r"|\bc'est (?:vraiment|bien) toi\b|\bc est vraiment toi\b|\bc'est toi qui (?:reponds|ecris)\b"
    r"|\b(?:is it|c'est) (?:really )?(?:you|toi) (?:or|ou) (?:a|an|un|une|ton|ta|your)\b"
)
_MEDIA = r"(?:video|videos|vid|vids|content|pic|pics|picture|pictures|photo|photos|clip|clips|set|request|order|shoot)"
CUSTOM_NOUN = re.compile(
    rf"\bcustom(?:ized)? {_MEDIA}\b|\bpersonali[sz]ed {_MEDIA}\b|\b(?:video|videos|vid|photo|photos|contenu|clip)s? "
    r"(?:perso|personnalisee?s?|sur mesure|rien que pour moi|juste pour moi)\b"
    r"|\b(?:just for me|only for me|rien que pour moi|juste pour moi|saying my name|say my name|with my name"
    r"|dire mon prenom|avec mon prenom)\b|\bcustoms\b"
)
REQUEST = re.compile(
    r"\b(?:can|could|would|will|do|would) (?:you|u|ya)\b|\bhow much\b|\bi'd like\b|\bid like\b|\bi want\b|\bi wanna\b"
    r"|\bi would like\b|\bi need\b|\bsend me\b|\bmake me\b|\bfilm me\b|\btu (?:fais|peux|pourrais|veux|ferais)\b"
    r"|\bje (?:voudrais|veux|souhaite|aimerais)\b|\bcombien\b|\bvous faites\b|\bpossible\b|\bdo you do\b|\bprice\b"
    r"|\bprix\b|\bcost\b|\bcosts\b|\b(?:can|could) i (?:get|have|order|buy)\b"
)
SELF_HARM = re.compile(
    r"\b(?:kill myself|killing myself|end it all|ending it all|end my life|ending my life|take my (?:own )?life"
    r"|hurt myself|hurting myself|cut myself|cutting myself|self[- ]harm|suicide|suicidal|don't want to live"
    r"|dont want to live|do not want to live|don't wanna live|dont wanna live|no reason to live|nothing to live for"
    r"|better off dead|better off without me|would miss me if i|wish i was dead|wish i were dead|want to disappear"
    r"|wanna disappear|want to die|wanna die|life is pointless|done with everything|done with life|i'll end it"
    r"|i will end it|going to end it|gonna end it|end(?:ing)? it (?:tonight|today|now|soon)"
    r"|took (?:a bunch of|all my|too many|all the) (?:pills|meds)|overdosed|overdose|slit my wrists|jump off a bridge"
    r"|pris (?:tous mes|trop de|des) (?:cachets|medocs|medicaments)"
    r"|me suicider|suicid|me tuer|en finir|me foutre en l'air|envie de mourir|veux mourir|vais mourir ce soir"
    r"|plus envie de vivre|pas envie de vivre|me faire du mal|me scarifier|me scarifie|disparaitre pour toujours)"
)
SELF_HARM_IDIOM = re.compile(r"\b(?:die happy|die for|to die for|die of laughter|die of happiness|die laughing|mourir de rire"
                             r"|kill myself laughing)\b")
DISTRESS = re.compile(
    rf"\b(?:{I_AM}|i feel|i'm feeling|im feeling|feeling|i've been|ive been|been|i get|i'm getting)\s+(?:so |really |very "
    r"|extremely |super |kinda |pretty |totally |completely |so fucking |fucking )*(?:depressed|hopeless|worthless"
    r"|alone|lonely|miserable|empty inside|broken|desperate)\b"
    r"|\b(?:panic|anxiety) attacks?\b|\b(?:can't|cant|cannot) stop crying\b|\bcrying (?:all|every) (?:night|day)\b"
    r"|\bmy (?:husband|wife|boyfriend|girlfriend|bf|gf|dad|father|mom|mother|partner|ex) (?:hits|beats|abuses|hurts)"
    r" me\b|\bje suis en depression\b|\bje fais une depression\b|\bje suis (?:trop |tellement |si |tres )?deprime"
    r"|\bje me sens (?:tellement |si |tres |trop |vraiment )?(?:seul|seule|mal|vide|nul|nulle|perdu|perdue)\b"
    r"|\bcrises? d'angoisse\b|\bcrises? de panique\b|\bje pleure tout le temps\b|\b(?:il|elle) me (?:frappe|bat)\b"
    r"|\bj'en peux plus\b"
)
THREAT = re.compile(
    r"\bi know where you live\b|\bi know\b[^.!?]{0,40}\bwhere you (?:live|work|sleep)\b"
    r"|\bje sais ou tu (?:habites|vis|dors|bosses)\b|\byou(?:'ll| will| are going to"
    r"|'re going to|'re gonna| gonna) (?:regret|pay)\b|\btu vas (?:le )?(?:regretter|payer)\b|\btu le regretteras\b"
    r"|\bi(?:'ll| will|'m going to|'m gonna|m gonna) (?:find you|kill you|hurt you|ruin you|destroy you|expose you"
    r"|come to your (?:house|place|home))\b|\bje vais te (?:retrouver|trouver|tuer|buter|detruire|faire payer"
    r"|faire du mal)\b|\b(?:leak|expose|post|share|send) (?:all )?(?:of )?your (?:pics|photos|nudes|videos|content"
    r"|address|info|real name)\b|\bbalancer tes (?:photos|videos|nudes|infos)\b|\bje vais venir chez toi\b"
    r"|\bor i(?:'ll| will) come to your\b|\bdox(?:x)?(?:ing)? you\b"
)


def extract(content: str, *, sender: str = "fan", sent_at: datetime | None = None) -> Extraction:
    """Candidate facts and flags of one message. Another sender's lines say nothing about the fan."""
    if sender != "fan" or not content or not content.strip():
        return Extraction()
    text = prepare(content[:4000])
    today = (sent_at or datetime.now()).date()
    facts = []
    facts.extend(_birthdays(text, today))
    for finder in (_names, _ages, _places, _timezones, _jobs, _relationships, _pets, _likes, _dislikes,
                   _boundaries):
        facts.extend(finder(text))
    facts.extend(_events(text, today))
    flags = _flags(text, facts)
    return Extraction(facts=_deduplicated(facts), flags=flags)


# --- helpers -----------------------------------------------------------------------------------

def _asserted(text: Text, pos: int, *, check_negation: bool = True) -> bool:
    """The fan states it: not a question, hypothesis, someone else's words, a joke, or negated."""
    if in_question(text, pos) or is_hypothetical(text, pos) or is_reported(text, pos) or joked(text, pos):
        return False
    return not (check_negation and negated(text, pos))


def _is_correction(text: Text, pos: int) -> bool:
    start = text.sentence_of(pos)[0]
    return CORRECTION.search(text.low, max(0, start - 40), pos + 1) is not None


def _span(text: Text, match: re.Match, group: int = 1) -> str:
    return text.orig[match.start(group):match.end(group)]


def _capitalised(text: Text, match: re.Match, group: int = 1) -> bool:
    return text.orig[match.start(group)].isupper()


def _name_value(text: Text, match: re.Match) -> str:
    raw = _span(text, match)
    return raw[:1].upper() + raw[1:]


def _deduplicated(facts: list[Candidate]) -> list[Candidate]:
    """One value per single-valued kind (the most confident, the later on a tie), distinct values otherwise."""
    best = {}
    for fact in facts:
        if fact.kind in SINGLE_KINDS and fact.confidence >= best.get(fact.kind, fact).confidence:
            best[fact.kind] = fact
    facts = [fact for fact in facts if fact.kind not in SINGLE_KINDS or best[fact.kind] is fact]
    seen, kept = set(), []
    for fact in facts:
        key = (fact.kind, str(fact.value).lower())
        if key not in seen:
            seen.add(key)
            kept.append(fact)
    return kept


# --- finders -----------------------------------------------------------------------------------

def _names(text: Text) -> list[Candidate]:
    found = []
    for pattern, confidence in ((NAME_FIXED, 0.95), (NAME_EXPLICIT, 0.9), (NAME_NICK, 0.85), (NAME_INTRO, 0.8)):
        for match in pattern.finditer(text.low):
            word = match.group(1)
            if word in lx.NOT_A_NAME or word in ENDEARMENTS or not _asserted(text, match.start(1)):
                continue
            if pattern in (NAME_NICK, NAME_INTRO) and not (_capitalised(text, match) or word in lx.FIRST_NAMES):
                continue
            if pattern is NAME_INTRO and word in PLACES:  # "moi c'est Paris", answering where he lives
                continue
            if text.weak_joke and word not in lx.FIRST_NAMES:
                continue
            found.append(Candidate("name", _name_value(text, match), confidence, _is_correction(text, match.start())))
        if found:
            return found[-1:]
    for start, _ in text.clauses:
        if match := NAME_HERE.match(text.low, start):
            found.extend(_weak_name(text, match))
    for match in NAME_WEAK.finditer(text.low):
        found.extend(_weak_name(text, match))
    return found[:1]


def _weak_name(text: Text, match: re.Match) -> list[Candidate]:
    word = match.group(1)
    if word not in lx.FIRST_NAMES and not (word in lx.AMBIGUOUS_NAMES and _capitalised(text, match)):
        return []
    if word in lx.AMBIGUOUS_NAMES and not _capitalised(text, match):
        return []
    if _span(text, match).lower() != word or word in STATUS or not _asserted(text, match.start(1)):
        return []  # "je suis marié" is not Marie
    return [Candidate("name", _name_value(text, match), 0.7)]


def _ages(text: Text) -> list[Candidate]:
    found = []
    for pattern in AGES:
        for match in pattern.finditer(text.low):
            age = int(match.group(1))
            pos = match.start(1)
            if not 10 <= age <= 99 or PAST_AGE.search(text.low[max(0, match.start() - 14):match.start() + 1]):
                continue
            if age > 80 and text.weak_joke:
                continue
            if not _asserted(text, pos) or _about_someone_else(text, match.start()):
                continue
            found.append((pos, Candidate("age", age, 0.9, _is_correction(text, pos))))
    return [candidate for _, candidate in sorted(found)[-1:]]


OTHER_SUBJECT = re.compile(r"\b(?:my|mon|ma|mes|his|her|their|he|she|il|elle|they|he's|she's)\b[^,.!?]*$")


def _about_someone_else(text: Text, pos: int) -> bool:
    clause_start = text.clause_of(pos)[0]
    return OTHER_SUBJECT.search(text.low, clause_start, pos) is not None


BIRTHDAY = re.compile(
    r"\b(?:my (?:birthday|bday|b-day|birth day|anniversary of birth)|mon anniv(?:ersaire)?|c'est mon anniv(?:ersaire)?"
    r"|i was born on|i was born|born on|je suis nee? le|je suis nee? en|je suis ne le"
    r"|(?:^|(?<=[.!?,] ))(?:bday|birthday|b-day|anniv|anniversaire)(?:'s| is| c'est)? (?:on|le))\b([^.!?\n]{0,40})"
)
BIRTHDAY_TODAY = re.compile(r"\b(?:it's my birthday today|its my birthday today|today's my birthday|todays my birthday"
                            r"|today is my birthday|c'est mon anniv(?:ersaire)? aujourd'hui|aujourd'hui c'est mon anniv"
                            r"|it's my bday today|its my bday today|today's my bday|my birthday is today)\b")


def _birthdays(text: Text, today) -> list[Candidate]:
    for match in BIRTHDAY_TODAY.finditer(text.low):
        if _asserted(text, match.start()):
            return [Candidate("birthday", f"{today.month:02d}-{today.day:02d}", 0.9)]
    for match in BIRTHDAY.finditer(text.low):
        day = month_day(match.group(1))
        if day and _asserted(text, match.start()):
            return [Candidate("birthday", f"{day[0]:02d}-{day[1]:02d}", 0.9, _is_correction(text, match.start()))]
    return []


def _place(text: Text, match: re.Match, confidence: float) -> list[Candidate]:
    key = match.group(1)
    if key in CASE_SENSITIVE_PLACES and not _capitalised(text, match):
        return []
    if not _asserted(text, match.start(1)):
        return []
    kind, info = PLACES[key]
    value = info[0] if kind == "country" else PLACE_NAMES.get(key) or _span(text, match).title()
    return [Candidate(kind, value, confidence, _is_correction(text, match.start()))]


def _places(text: Text) -> list[Candidate]:
    found = []
    for match in LIVES.finditer(text.low):
        found.extend(_place(text, match, 0.9))  # where the fan lives beats where he is from
    for match in ORIGIN.finditer(text.low):
        found.extend(_place(text, match, 0.75))
    for match in IN_PLACE.finditer(text.low):
        if text.low[match.end():match.end() + 1] in ("", ",", ".", "!", " ") and not text.low[match.end():].startswith(" for"):
            found.extend(_place(text, match, 0.7))
    for match in FROM_PLACE.finditer(text.low):
        clause_start = text.clause_of(match.start())[0]
        if FROM_PREFIX.match(text.low[clause_start:match.start()]):
            found.extend(_place(text, match, 0.75))
    for start, _ in text.clauses:
        if match := PLACE_GUY.match(text.low, start):
            found.extend(_place(text, match, 0.75))
    for match in DEMONYM.finditer(text.low):
        if _asserted(text, match.start(1)):
            found.append(Candidate("country", lx.DEMONYMS[match.group(1)], 0.8))
    return found


def _timezones(text: Text) -> list[Candidate]:
    found = []
    for pattern in (TZ_STATED, TZ_NAMED, TZ_FR):
        for match in pattern.finditer(text.low):
            key = match.group(1)
            zone = lx.TZ_ABBREVIATIONS.get(key) or (PLACES[key][1] if key in PLACES else None)
            if isinstance(zone, tuple):
                zone = zone[1]
            if zone is None or (pattern is TZ_STATED and len(key) <= 3 and not _span(text, match).isupper()):
                continue
            if _asserted(text, match.start(1)):
                found.append(Candidate("timezone", zone, 0.9))
    return found[:1]


def _jobs(text: Text) -> list[Candidate]:
    found = []
    for pattern in (JOB_EN, JOB_FR):
        for match in pattern.finditer(text.low):
            if not _asserted(text, match.start(1)):
                continue
            word = match.group(1)
            value = "student" if word in ("student", "college student", "grad student", "phd student",
                                          "med student") else _span(text, match)
            found.append(Candidate("job", value, 0.85, _is_correction(text, match.start())))
            if place := JOB_IN_PLACE.match(text.low, match.end()):
                found.extend(_place(text, place, 0.7))
    for match in STUDIES.finditer(text.low):
        if _asserted(text, match.start()):
            found.append(Candidate("job", "student", 0.75))
    for pattern in (WORK_FIELD, WORK_FIELD_FR):
        for match in pattern.finditer(text.low):
            if _asserted(text, match.start(1)):
                found.append(Candidate("job", _span(text, match), 0.7))
    found.extend(_workplaces(text))
    jobs = [fact for fact in found if fact.kind == "job"]
    return jobs[:1] + [fact for fact in found if fact.kind != "job"]


def _workplaces(text: Text) -> list[Candidate]:
    """Where the fan's shifts are: only at the head of a clause or after a first-person cue
    ("a show about night shifts at a hospital" and "my sister works nights at..." say nothing)."""
    found = []
    for match in SHIFT_AT.finditer(text.low):
        group = "shift" if match.group("shift") else "place"
        clause_start = text.clause_of(match.start())[0]
        opener = text.low[clause_start:match.start()].strip(" ,.!-")
        if group == "shift" and not match.group("cue") and opener not in SHIFT_OPENERS:
            continue
        if _asserted(text, match.start(group)) and not OTHER_SUBJECT.search(text.low, clause_start, match.start()):
            found.append(Candidate("job", f"a {_span(text, match, group)}", 0.65))
    for match in SHIFT_AT_FR.finditer(text.low):
        if _asserted(text, match.start(1)) and not _about_someone_else(text, match.start()):
            found.append(Candidate("job", _span(text, match), 0.65))
    return found


def _relationships(text: Text) -> list[Candidate]:
    found = []
    for pattern in RELATIONSHIP:
        starts = [start for start, _ in text.clauses] if pattern.pattern.startswith("^") else [0]
        for start in starts:
            for match in (pattern.finditer(text.low, start) if start == 0 and not pattern.pattern.startswith("^")
                          else [pattern.match(text.low[start:text.clause_of(start)[1]])]):
                if match is None:
                    continue
                offset = start if pattern.pattern.startswith("^") else 0
                pos = offset + match.start(1)
                if _asserted(text, pos) and not _about_someone_else(text, pos):
                    found.append((pos, Candidate("relationship", STATUS[match.group(1)], 0.85,
                                                 _is_correction(text, pos))))
    for match in BREAKUP.finditer(text.low):
        if _asserted(text, match.start()):
            found.append((match.start(), Candidate("relationship", "single", 0.75)))
    for match in PARTNER.finditer(text.low):
        if _asserted(text, match.start(1)):
            found.append((match.start(1), Candidate("relationship", PARTNER_STATUS.get(match.group(1),
                                                                                      "in a relationship"), 0.7)))
    return [candidate for _, candidate in sorted(found, key=lambda item: item[0])[-1:]]


def _pet_name(text: Text, match: re.Match) -> str | None:
    if match.group(2) is None:
        return None
    word = match.group(2)
    if word in NOT_PET_NAME or word in lx.SPECIES:
        return None
    if not text.orig[match.start(2)].isupper() and word not in lx.FIRST_NAMES:
        return None
    return _span(text, match, 2)[:1].upper() + _span(text, match, 2)[1:]


def _pets(text: Text) -> list[Candidate]:
    found = []
    for pattern in (PET_HAVE, PET_MY):
        for match in pattern.finditer(text.low):
            if not _asserted(text, match.start(1)) or PET_GONE.match(text.low, match.end(1)):
                continue
            name = _pet_name(text, match)
            if pattern is PET_MY and name is None and text.low[match.start():match.start() + 2] != "my" \
                    and not text.low[match.start():].startswith(("mon ", "ma ")):
                continue
            found.append(Candidate("pet", {"species": lx.SPECIES[match.group(1)], "name": name}, 0.85 if name else 0.7))
    if found:  # "a dog named Sunny and a cat named Milo"
        for match in PET_AND.finditer(text.low):
            if _asserted(text, match.start(1)):
                name = _pet_name(text, match)
                found.append(Candidate("pet", {"species": lx.SPECIES[match.group(1)], "name": name}, 0.8))
    named = {fact.value["species"] for fact in found if fact.value["name"]}
    return [fact for fact in found if fact.value["name"] or fact.value["species"] not in named]


def _likes(text: Text) -> list[Candidate]:
    found = []
    for pattern in LIKES:
        for match in pattern.finditer(text.low):
            for group in range(1, (match.lastindex or 1) + 1):
                if match.group(group) and _asserted(text, match.start(group)):
                    found.append(Candidate("like", _span(text, match, group), 0.8))
    for match in FAVORITE.finditer(text.low):
        group = 1 if match.group(1) else 2
        if _asserted(text, match.start(group)):
            found.append(Candidate("like", _span(text, match, group).strip(), 0.8))
    return found


def _dislikes(text: Text) -> list[Candidate]:
    found = []
    for pattern in DISLIKES:
        for match in pattern.finditer(text.low):
            if _asserted(text, match.start(1), check_negation=False):
                found.append(Candidate("dislike", _span(text, match), 0.8))
    return found


def _life_events(text: Text, today) -> list[Candidate]:
    """Happening now, dated the day it is told: a breakup, someone close in hospital."""
    found = []
    for match in BREAKUP.finditer(text.low):
        if _asserted(text, match.start()):
            found.append(Candidate("event", {"what": "breakup", "date": today.isoformat()}, 0.75))
    for match in RELATIVE_IN_HOSPITAL.finditer(text.low):
        who = match.group(1) or match.group(2)
        _, end = text.clause_of(match.start())
        if not _asserted(text, match.start()) or SETTLED_PAST.search(text.low, match.start(), end):
            continue
        found.append(Candidate("event", {"what": f"{RELATIVES[who]} in hospital", "date": today.isoformat()}, 0.75))
    return found


def _events(text: Text, today) -> list[Candidate]:
    found = _life_events(text, today)
    for pattern in (EVENT_OWN, EVENT_LEAVE):
        for match in pattern.finditer(text.low):
            if not _asserted(text, match.start(1)) or _about_someone_else(text, match.start()):
                continue
            start, end, _ = text.sentence_of(match.start())
            when = upcoming_date(text.low[match.end():end], today) or upcoming_date(text.low[start:match.start()], today)
            if when is None:
                continue
            what = lx.EVENT_NOUNS.get(match.group(1), "vacation" if pattern is EVENT_LEAVE else match.group(1))
            if match.group(1) in ("trip", "voyage", "road trip"):
                what = "trip"
            found.append(Candidate("event", {"what": what, "date": when.isoformat()}, 0.8))
    return found


def _boundaries(text: Text) -> list[Candidate]:
    found = []
    for pattern in (BOUNDARY_CALL, BOUNDARY_CALL_FR):
        for match in pattern.finditer(text.low):
            word = match.group(1)
            if word in ("me", "back", "again", "after", "before", "when", "at", "on", "tomorrow", "later", "now",
                        "tonight", "anymore", "plus", "jamais", "comme", "quand", "that", "ca"):
                continue
            if _asserted(text, match.start(), check_negation=False):
                found.append(Candidate("boundary", f"don't call me {_span(text, match)}", 0.9))
    for match in BOUNDARY_TOPIC.finditer(text.low):
        if _asserted(text, match.start(), check_negation=False):
            verb = TOPIC_VERBS.get(match.group(1), match.group(1))
            found.append(Candidate("boundary", f"don't {verb} {_span(text, match, 2)}", 0.9))
    for match in BOUNDARY_TOPIC_FR.finditer(text.low):
        if _asserted(text, match.start(), check_negation=False):
            found.append(Candidate("boundary", f"don't talk about {_span(text, match)}", 0.9))
    for match in BOUNDARY_SEND.finditer(text.low):
        if _asserted(text, match.start(), check_negation=False):
            found.append(Candidate("boundary", f"don't send me {_span(text, match)}", 0.85))
    return found


def _flags(text: Text, facts: list[Candidate]) -> list[str]:
    low = text.low
    flags = []
    if BOT_QUESTION.search(low) and not _all_reported(text, BOT_QUESTION):
        flags.append("bot_question")
    if CUSTOM_NOUN.search(low) and REQUEST.search(low):
        flags.append("custom_request")
    if any(not SELF_HARM_IDIOM.search(low, match.start(), match.end() + 20) for match in SELF_HARM.finditer(low)):
        flags.append("self_harm")
    if DISTRESS.search(low):
        flags.append("distress")
    if THREAT.search(low):
        flags.append("threat")
    if _minor(text, facts):
        flags.append("minor")
    return flags


def _all_reported(text: Text, pattern: re.Pattern) -> bool:
    return all(is_reported(text, match.start()) for match in pattern.finditer(text.low))


def _minor(text: Text, facts: list[Candidate]) -> bool:
    if any(fact.kind == "age" and fact.value < 18 for fact in facts):
        return True
    for match in MINOR.finditer(text.low):
        before = text.low[text.sentence_of(match.start())[0]:match.start()]
        if not MINOR_PAST.search(before) and not is_reported(text, match.start()):
            return True
    return re.search(r"\b(?:i'm|im|i am|je suis|jsuis|j'suis) (?:underage|mineure?)\b", text.low) is not None

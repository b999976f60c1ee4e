"""Hand-built lexical knowledge used by the analyzer (stdlib only), and the emoji table derived
from the emoji's names (emoji_names.py, built offline) for the emoji the hand table leaves out.

Why hand-built: the training data has almost no emoji (GoEmotions ~1.6% of rows, English
tweets none) and no French emotion labels at all, so a learned model cannot know that a lone
"😡" is angry or that "trop bien mdr" is joyful amusement.  These tables are small, readable and
documented in emotions/MODEL.md.  Valences use VADER's scale (-4..4); emotion tags use the 27
GoEmotions names, strongest first.

Keys are lower-case.  French keys are written without accents (the analyzer looks words up
with and without accents) unless the accent disambiguates (e.g. "hâte" vs English "hate").
"""
import json
from pathlib import Path


# ---------------------------------------------------------------------------------------------
# Emoji: emoji -> (valence -1..1, "emotion tags, strongest first")
# Variation selectors (U+FE0F/U+FE0E), skin tones (U+1F3FB-1F3FF) and ZWJ are stripped
# before lookup, so "❤️" == "❤" and "👍🏽" == "👍".
# ---------------------------------------------------------------------------------------------
EMOJI = {
    # smiling / laughing
    "😀": (0.6, "joy"), "😃": (0.65, "joy excitement"), "😄": (0.7, "joy amusement"),
    "😁": (0.65, "joy amusement"), "😆": (0.6, "amusement joy"),
    "😅": (0.15, "amusement nervousness embarrassment"), "🤣": (0.6, "amusement joy"),
    "😂": (0.55, "amusement joy"), "🙂": (0.4, "joy approval"), "🙃": (0.05, "amusement"),
    "😉": (0.4, "amusement joy"), "😊": (0.7, "joy gratitude"), "😇": (0.5, "joy caring"),
    "🥰": (0.9, "love joy admiration"), "😍": (0.9, "love admiration desire"),
    "🤩": (0.9, "excitement admiration joy"), "😘": (0.8, "love caring"), "😗": (0.4, "love"),
    "☺": (0.6, "joy gratitude"), "😚": (0.6, "love"), "😙": (0.5, "love"),
    "🥲": (0.15, "gratitude sadness joy"), "🥹": (0.55, "gratitude love joy"),
    "😋": (0.6, "desire joy"), "😛": (0.4, "amusement"), "😜": (0.5, "amusement joy"),
    "🤪": (0.45, "amusement excitement"), "😝": (0.4, "amusement"), "🤑": (0.3, "desire joy"),
    "🤗": (0.7, "caring love gratitude"), "🤭": (0.25, "amusement embarrassment"),
    "😌": (0.5, "relief joy"), "😎": (0.6, "pride joy"), "🤠": (0.5, "joy"),
    "🥳": (0.9, "excitement joy"), "😏": (0.1, "amusement"), "😈": (0.1, "amusement desire"),
    "🤤": (0.35, "desire"), "😻": (0.9, "love admiration"), "😸": (0.6, "joy amusement"),
    "😹": (0.55, "amusement"), "😺": (0.5, "joy"), "😽": (0.6, "love"),
    "🙈": (0.2, "embarrassment amusement"), "🙊": (0.1, "embarrassment amusement"),
    "💀": (0.3, "amusement"),  # chat usage: "I'm dead (laughing)"
    "🫶": (0.9, "love caring gratitude"), "🫡": (0.4, "admiration approval"),
    "🤓": (0.2, "amusement"),
    # neutral-ish / thinking / surprise
    "🤔": (-0.05, "curiosity confusion"), "🧐": (0.0, "curiosity"), "🤨": (-0.3, "confusion disapproval"),
    "😐": (-0.2, "disapproval"), "😑": (-0.35, "annoyance"), "😶": (-0.1, ""), "🫥": (-0.1, ""),
    "🤐": (-0.1, ""), "🤫": (0.0, ""), "😮": (0.0, "surprise"), "😯": (0.0, "surprise"),
    "😲": (0.05, "surprise"), "😳": (-0.1, "embarrassment surprise"), "🤯": (0.1, "surprise excitement realization"),
    "😵": (-0.3, "confusion surprise"), "🥴": (-0.1, "confusion"), "🫨": (-0.1, "surprise"),
    "👀": (0.0, "curiosity"), "🫣": (0.0, "embarrassment nervousness"), "🫠": (-0.1, "embarrassment"),
    "🤷": (-0.1, "confusion"), "❓": (0.0, "confusion curiosity"), "❔": (0.0, "curiosity"),
    "⁉": (-0.1, "surprise confusion"), "‼": (0.0, "surprise"), "🙀": (-0.2, "surprise fear"),
    "🥱": (-0.3, "annoyance"), "😴": (-0.1, ""), "💤": (-0.2, ""),
    # negative
    "😒": (-0.6, "annoyance disapproval"), "🙄": (-0.5, "annoyance disapproval"),
    "😬": (-0.3, "nervousness embarrassment"), "😔": (-0.6, "sadness remorse disappointment"),
    "😪": (-0.4, "sadness"), "😕": (-0.4, "confusion disappointment"), "😟": (-0.5, "nervousness sadness"),
    "🙁": (-0.5, "sadness disappointment"), "☹": (-0.6, "sadness disappointment"),
    "😦": (-0.4, "surprise fear"), "😧": (-0.5, "fear surprise"), "😨": (-0.7, "fear"),
    "😰": (-0.7, "nervousness fear"), "😥": (-0.4, "sadness disappointment"), "😢": (-0.7, "sadness"),
    "😭": (-0.35, "sadness"), "😿": (-0.6, "sadness"), "😱": (-0.3, "fear surprise"),
    "😖": (-0.6, "sadness annoyance"), "😣": (-0.5, "sadness annoyance"),
    "😞": (-0.7, "disappointment sadness"), "😓": (-0.4, "nervousness sadness"),
    "😩": (-0.5, "sadness annoyance"), "😫": (-0.5, "annoyance sadness"),
    "😤": (-0.5, "anger annoyance"), "😡": (-0.9, "anger annoyance"), "😠": (-0.8, "anger annoyance"),
    "🤬": (-0.9, "anger annoyance disgust"), "👿": (-0.6, "anger"), "💢": (-0.6, "anger annoyance"),
    "😾": (-0.6, "anger"), "🤢": (-0.7, "disgust"), "🤮": (-0.8, "disgust"), "💩": (-0.5, "disgust disapproval"),
    "🤡": (-0.4, "disapproval amusement"), "🖕": (-0.9, "anger disapproval"), "🤦": (-0.5, "annoyance disappointment embarrassment"),
    "🙅": (-0.5, "disapproval"), "👎": (-0.7, "disapproval disappointment"), "❌": (-0.4, "disapproval"),
    "💔": (-0.8, "sadness grief disappointment"), "🤒": (-0.5, "sadness"), "🤕": (-0.5, "sadness"),
    "🤧": (-0.3, "sadness"), "😷": (-0.3, ""), "🥶": (-0.2, ""), "🥵": (0.0, "desire"),
    "☠": (-0.3, "fear"), "⚠": (-0.3, "fear nervousness"), "🥀": (-0.5, "sadness grief"),
    "🕊": (0.1, "grief caring"),
    # hearts
    "❤": (0.9, "love"), "♥": (0.9, "love"), "🧡": (0.85, "love"), "💛": (0.85, "love"),
    "💚": (0.85, "love"), "💙": (0.85, "love"), "💜": (0.85, "love"), "🤎": (0.8, "love"),
    "🖤": (0.75, "love"), "🤍": (0.85, "love"), "🩷": (0.85, "love"), "🩵": (0.85, "love"),
    "💕": (0.9, "love"), "💞": (0.9, "love"), "💓": (0.9, "love"), "💗": (0.9, "love"),
    "💖": (0.9, "love admiration"), "💘": (0.9, "love"), "💝": (0.9, "love caring"),
    "❣": (0.85, "love"), "💟": (0.8, "love"), "💋": (0.7, "love desire"), "💌": (0.7, "love"),
    # hands / gestures
    "👍": (0.7, "approval"), "👏": (0.8, "admiration approval"), "🙌": (0.8, "excitement joy admiration"),
    "🙏": (0.6, "gratitude"), "🤝": (0.5, "approval"), "👌": (0.6, "approval admiration"),
    "✌": (0.4, "joy"), "🤞": (0.5, "optimism desire"), "💪": (0.7, "pride admiration optimism"),
    "👋": (0.2, ""), "✊": (0.3, "pride"), "👊": (0.2, ""), "🤙": (0.5, "approval"),
    "🤌": (0.3, "admiration"), "🙆": (0.3, "approval"), "🙋": (0.2, ""), "✋": (0.0, ""),
    # celebration / praise symbols
    "🔥": (0.7, "admiration excitement"), "✨": (0.6, "admiration joy"), "🎉": (0.9, "excitement joy"),
    "🎊": (0.8, "excitement joy"), "🥂": (0.7, "joy excitement"), "🍾": (0.7, "joy excitement"),
    "🎂": (0.6, "joy"), "🎁": (0.6, "joy gratitude"), "🎈": (0.6, "joy"), "🏆": (0.7, "pride admiration"),
    "🥇": (0.7, "pride admiration"), "💯": (0.8, "approval admiration"), "✅": (0.5, "approval"),
    "✔": (0.5, "approval"), "⭐": (0.6, "admiration"), "🌟": (0.7, "admiration"), "💫": (0.5, "admiration"),
    "🌈": (0.5, "joy"), "☀": (0.5, "joy"), "🌞": (0.6, "joy"), "🌹": (0.6, "love"), "🌸": (0.5, "joy"),
    "🌺": (0.5, "joy"), "💐": (0.7, "love gratitude"), "🍀": (0.5, "optimism"), "👑": (0.7, "admiration"),
    "💎": (0.6, "admiration"), "🚀": (0.6, "excitement optimism"), "🆒": (0.5, "approval"),
    "🆗": (0.4, "approval"), "🍑": (0.3, "desire"), "🍆": (0.3, "desire"), "💦": (0.2, "desire"),
    "🐐": (0.7, "admiration"),
}

# Every other emoji, from its CLDR names (emoji_names.py; `manage.py build_emoji_table`), shaped as
# EMOJI. Read after the model only (the sentiment blend and the emotion cues of analysis.py and
# lexicon_scores), never as a model feature: the model was trained with the hand table alone.
DERIVED_EMOJI_PATH = Path(__file__).with_name("emoji_derived.json")
DERIVED_EMOJI = ({symbol: tuple(entry) for symbol, entry in json.loads(DERIVED_EMOJI_PATH.read_text("utf-8")).items()}
                 if DERIVED_EMOJI_PATH.exists() else {})  # absent only while it is first built


def emoji_entry(symbol: str) -> tuple[float, str] | None:
    """(valence, emotion tags) of an emoji: the hand table's, else the one derived from its names."""
    return EMOJI.get(symbol) or DERIVED_EMOJI.get(symbol)


# Text emoticons (matched case-sensitively on the raw text) -> emoji with the same meaning.
EMOTICONS = {
    ":)": "🙂", ":-)": "🙂", "(:": "🙂", ":]": "🙂", "=)": "🙂", ":))": "😊", ":)))": "😊",
    ":(": "🙁", ":-(": "🙁", "):": "🙁", ":((": "😞", ":'(": "😢", ":’(": "😢",
    ":D": "😀", ":-D": "😀", "xD": "😆", "XD": "😆", "xd": "😆", ";)": "😉", ";-)": "😉",
    ":p": "😛", ":P": "😛", ":-p": "😛", ":-P": "😛", ":o": "😮", ":O": "😮", ":-o": "😮",
    ":/": "😕", ":-/": "😕", ":|": "😐", "<3": "❤", "</3": "💔", "^^": "😊", "^_^": "😊",
    "-_-": "😑", "T_T": "😭", ";(": "😢", ":*": "😘", ":-*": "😘", "o_O": "😳", "O_o": "😳",
}

# ---------------------------------------------------------------------------------------------
# French valence lexicon (VADER scale) and chat cues.  "word": (valence, "emotion tags").
# Multi-word keys are matched on consecutive tokens (apostrophes split tokens: "j'adore" ->
# "j", "adore").
# ---------------------------------------------------------------------------------------------
FR_LEXICON = {
    # positive
    "adore": (3.0, "love admiration"), "adorer": (3.0, "love"), "adores": (3.0, "love"),
    "adorable": (2.5, "love admiration"), "aime": (2.0, "love"), "aimer": (2.0, "love"),
    "aimes": (2.0, "love"), "kiffe": (2.5, "love joy"), "kiff": (2.5, "love joy"),
    "kiffer": (2.5, "love"), "kif": (2.0, "joy"), "genial": (3.0, "admiration joy"),
    "geniale": (3.0, "admiration joy"), "geniaux": (3.0, "admiration"), "super": (2.0, "joy admiration"),
    "top": (2.0, "admiration approval"), "cool": (1.5, "approval joy"), "bien": (1.2, "approval"),
    "bon": (1.0, "approval"), "bonne": (1.0, "approval"), "magnifique": (3.0, "admiration"),
    "magnifiques": (3.0, "admiration"), "superbe": (3.0, "admiration"), "sublime": (3.0, "admiration"),
    "splendide": (3.0, "admiration"), "merveilleux": (3.0, "admiration joy"),
    "merveilleuse": (3.0, "admiration joy"), "parfait": (2.5, "admiration approval"),
    "parfaite": (2.5, "admiration approval"), "excellent": (3.0, "admiration"),
    "excellente": (3.0, "admiration"), "incroyable": (2.5, "admiration surprise"),
    "extraordinaire": (3.0, "admiration"), "fantastique": (3.0, "admiration excitement"),
    "formidable": (3.0, "admiration"), "impressionnant": (2.5, "admiration surprise"),
    "impressionnante": (2.5, "admiration surprise"), "bravo": (2.5, "admiration approval"),
    "chapeau": (2.0, "admiration"), "felicitations": (3.0, "admiration joy"),
    "felicitation": (3.0, "admiration"), "merci": (2.0, "gratitude"), "mercii": (2.0, "gratitude"),
    "remercie": (2.0, "gratitude"), "reconnaissant": (2.0, "gratitude"), "reconnaissante": (2.0, "gratitude"),
    "heureux": (2.5, "joy"), "heureuse": (2.5, "joy"), "content": (2.0, "joy"), "contente": (2.0, "joy"),
    "ravi": (2.5, "joy"), "ravie": (2.5, "joy"), "joie": (2.5, "joy"), "bonheur": (3.0, "joy"),
    "rire": (1.5, "amusement"), "rigole": (1.5, "amusement"), "drole": (1.5, "amusement"),
    "marrant": (1.5, "amusement"), "marrante": (1.5, "amusement"), "mdr": (1.5, "amusement"),
    "mdrr": (1.8, "amusement"), "ptdr": (1.8, "amusement"), "ptdrr": (1.8, "amusement"),
    "xptdr": (1.8, "amusement"), "jpp": (1.0, "amusement"), "hihi": (1.5, "amusement joy"),
    "hahaha": (1.8, "amusement"), "haha": (1.5, "amusement"), "hahah": (1.5, "amusement"),
    "mort de rire": (2.0, "amusement"), "hâte": (2.0, "excitement desire"),
    "ai hate": (2.0, "excitement desire"), "trop hate": (2.0, "excitement"),
    "vivement": (1.5, "excitement desire"), "impatient": (1.0, "excitement"),
    "impatiente": (1.0, "excitement"), "excite": (1.5, "excitement"), "excitee": (1.5, "excitement"),
    "youpi": (2.5, "excitement joy"), "ouah": (2.0, "surprise admiration"), "waouh": (2.0, "surprise admiration"),
    "waou": (2.0, "surprise admiration"), "wouah": (2.0, "surprise admiration"),
    "ouf": (1.0, "excitement surprise"), "de ouf": (2.0, "excitement admiration"),
    "dingue": (1.5, "surprise excitement"), "stylé": (2.0, "admiration"), "style": (0.0, ""),
    "chanme": (2.0, "admiration"), "mortel": (2.0, "admiration excitement"),
    "canon": (2.0, "admiration desire"), "bg": (2.0, "admiration"), "belle": (2.0, "admiration"),
    "beau": (2.0, "admiration"), "beaute": (2.0, "admiration"), "jolie": (2.0, "admiration"),
    "joli": (2.0, "admiration"), "mignon": (2.5, "love admiration"), "mignonne": (2.5, "love admiration"),
    "mignons": (2.5, "love"), "chou": (1.5, "love caring"), "bisous": (2.0, "love caring"),
    "bisou": (2.0, "love caring"), "bises": (1.5, "caring"), "gros bisous": (2.5, "love caring"),
    "coeur": (2.0, "love"), "amour": (3.0, "love"), "amoureux": (2.5, "love"),
    "amoureuse": (2.5, "love"), "gentil": (2.0, "caring admiration"), "gentille": (2.0, "caring admiration"),
    "fier": (2.0, "pride admiration"), "fiere": (2.0, "pride admiration"), "fierte": (2.0, "pride"),
    "courage": (1.5, "caring optimism"), "espoir": (1.5, "optimism"), "espere": (1.0, "optimism desire"),
    "j espere": (1.2, "optimism desire"), "plaisir": (2.0, "joy"), "nickel": (2.0, "approval admiration"),
    "impeccable": (2.0, "approval admiration"), "classe": (2.0, "admiration"), "trop fort": (2.0, "admiration"),
    "trop forte": (2.0, "admiration"), "trop bien": (2.5, "joy admiration"), "trop cool": (2.5, "joy"),
    "trop beau": (2.5, "admiration"), "trop belle": (2.5, "admiration"), "trop mignon": (2.8, "love admiration"),
    "pas mal": (1.5, "approval"), "soulage": (2.0, "relief"), "soulagee": (2.0, "relief"),
    "rassure": (1.5, "relief"), "rassuree": (1.5, "relief"), "enfin": (0.5, "relief"),
    "d accord": (0.5, "approval"), "carrement": (0.8, "approval"), "exactement": (0.8, "approval"),
    "valide": (1.5, "approval"), "je valide": (2.0, "approval"), "grave": (0.5, "approval"),
    "envie": (0.8, "desire"), "voudrais": (0.5, "desire"), "aimerais": (1.0, "desire"),
    "reve": (1.5, "desire optimism"), "bienvenue": (1.5, "joy caring"), "felicite": (2.0, "admiration"),
    "talent": (2.0, "admiration"), "talentueux": (2.5, "admiration"), "talentueuse": (2.5, "admiration"),
    "respect": (1.5, "admiration"), "wow": (2.0, "surprise admiration"), "oui": (0.5, "approval"),
    "ouais": (0.3, "approval"), "yes": (1.5, "excitement approval"), "gg": (1.5, "admiration"),
    "prends soin": (1.5, "caring"), "prenez soin": (1.5, "caring"), "ca va": (0.2, "curiosity caring"),
    "sans doute": (0.0, ""), "bien sur": (0.5, "approval"),
    # negative
    "nul": (-2.5, "disapproval disappointment"), "nulle": (-2.5, "disapproval disappointment"),
    "nuls": (-2.5, "disapproval"), "naze": (-2.0, "disapproval"), "pourri": (-2.5, "disapproval disgust"),
    "pourrie": (-2.5, "disapproval disgust"), "horrible": (-3.0, "disgust disapproval"),
    "affreux": (-3.0, "disgust"), "affreuse": (-3.0, "disgust"), "degueulasse": (-3.0, "disgust"),
    "degueu": (-2.5, "disgust"), "beurk": (-2.5, "disgust"), "berk": (-2.5, "disgust"),
    "degoutant": (-2.5, "disgust"), "degoutante": (-2.5, "disgust"), "deteste": (-3.0, "anger disgust"),
    "detester": (-3.0, "anger"), "hais": (-3.0, "anger disgust"), "haine": (-3.0, "anger"),
    "triste": (-2.0, "sadness"), "tristesse": (-2.5, "sadness"), "deprime": (-2.5, "sadness"),
    "deprimee": (-2.5, "sadness"), "decu": (-2.5, "disappointment"), "decue": (-2.5, "disappointment"),
    "decus": (-2.5, "disappointment"), "deception": (-2.5, "disappointment"),
    "decevant": (-2.5, "disappointment"), "decevante": (-2.5, "disappointment"),
    "degoute": (-2.5, "disappointment disgust"), "degoutee": (-2.5, "disappointment disgust"),
    "deg": (-2.0, "disappointment"), "enerve": (-2.5, "anger annoyance"), "enervee": (-2.5, "anger annoyance"),
    "enervant": (-2.0, "annoyance"), "enervante": (-2.0, "annoyance"), "vener": (-2.0, "anger"),
    "venere": (-2.0, "anger"), "colere": (-2.5, "anger"), "furieux": (-3.0, "anger"),
    "furieuse": (-3.0, "anger"), "rage": (-2.0, "anger"), "chiant": (-2.0, "annoyance"),
    "chiante": (-2.0, "annoyance"), "relou": (-2.0, "annoyance"), "saoule": (-2.0, "annoyance"),
    "soule": (-2.0, "annoyance"), "saoulant": (-2.0, "annoyance"), "agace": (-2.0, "annoyance"),
    "agacee": (-2.0, "annoyance"), "marre": (-2.0, "annoyance"), "en ai marre": (-2.5, "annoyance"),
    "ras le bol": (-2.5, "annoyance"), "peur": (-2.0, "fear"), "effraye": (-2.0, "fear"),
    "effrayee": (-2.0, "fear"), "flippe": (-1.5, "fear nervousness"), "flippant": (-1.5, "fear"),
    "terrifie": (-2.5, "fear"), "terrifiee": (-2.5, "fear"), "angoisse": (-2.0, "nervousness fear"),
    "angoissee": (-2.0, "nervousness fear"), "stresse": (-1.5, "nervousness"), "stressee": (-1.5, "nervousness"),
    "stress": (-1.5, "nervousness"), "inquiet": (-1.5, "nervousness"), "inquiete": (-1.5, "nervousness"),
    "mal": (-1.5, "sadness"), "mauvais": (-2.0, "disapproval"), "mauvaise": (-2.0, "disapproval"),
    "pire": (-2.5, "disapproval disappointment"), "catastrophe": (-3.0, "sadness fear"),
    "merde": (-2.0, "annoyance anger"), "putain": (-1.0, "annoyance"), "ptn": (-1.0, "annoyance"),
    "bordel": (-1.0, "annoyance"), "honte": (-2.0, "embarrassment disapproval"),
    "honteux": (-2.5, "disapproval"), "la honte": (-2.0, "embarrassment"), "genant": (-1.5, "embarrassment"),
    "genante": (-1.5, "embarrassment"), "malaise": (-1.5, "embarrassment"), "ridicule": (-2.0, "disapproval"),
    "pathetique": (-2.5, "disapproval"), "debile": (-2.5, "disapproval annoyance"), "con": (-2.0, "anger disapproval"),
    "conne": (-2.0, "anger disapproval"), "connard": (-3.0, "anger"), "connasse": (-3.0, "anger"),
    "abruti": (-2.5, "anger disapproval"), "idiot": (-2.0, "disapproval"), "stupide": (-2.0, "disapproval"),
    "ennuyeux": (-1.5, "annoyance"), "ennui": (-1.5, "annoyance"), "bof": (-1.0, "disapproval disappointment"),
    "dommage": (-1.5, "disappointment sadness"), "pleure": (-1.5, "sadness"), "pleurer": (-1.5, "sadness"),
    "snif": (-1.5, "sadness"), "seul": (-1.0, "sadness"), "seule": (-1.0, "sadness"),
    "fatigue": (-1.0, "sadness"), "fatiguee": (-1.0, "sadness"), "galere": (-1.5, "annoyance sadness"),
    "n importe quoi": (-2.0, "disapproval"), "arnaque": (-2.5, "anger disapproval"),
    "desole": (-0.5, "remorse sadness"), "desolee": (-0.5, "remorse sadness"), "dsl": (-0.5, "remorse"),
    "pardon": (-0.3, "remorse"), "regrette": (-1.5, "remorse sadness"), "deuil": (-2.5, "grief sadness"),
    "decede": (-2.5, "grief sadness"), "repose en paix": (-1.5, "grief sadness"), "rip": (-1.5, "grief sadness"),
    "choque": (-1.0, "surprise"), "choquee": (-1.0, "surprise"), "serieux": (0.0, "surprise"),
    "jsp": (-0.3, "confusion"), "je sais pas": (-0.3, "confusion"), "sais pas": (-0.3, "confusion"),
    "comprends pas": (-0.8, "confusion"), "comprend pas": (-0.8, "confusion"), "hein": (-0.2, "confusion"),
    "pourquoi": (0.0, "curiosity"), "comment": (0.0, "curiosity"), "jalouse": (-1.0, "desire"),
    "jaloux": (-1.0, "desire"), "blesse": (-2.0, "sadness"), "blessee": (-2.0, "sadness"),
    "abandonne": (-1.5, "sadness"), "inutile": (-2.0, "disapproval"), "moche": (-2.0, "disapproval disgust"),
    "mort": (-2.0, "grief sadness"), "morte": (-2.0, "grief"), "ah oui": (0.3, "realization"),
    "je vois": (0.0, "realization"), "en fait": (0.0, "realization"), "crois pas": (-0.5, "disapproval"),
    "d accord pas": (-1.0, "disapproval"), "pas d accord": (-1.5, "disapproval"),
}

# Negators (English and French).  "ne"/"n" only flip together with the next few tokens.
NEGATORS = frozenset(
    "not no never nothing nobody none nowhere neither nor cannot without nope aint isnt arent "
    "wasnt werent dont doesnt didnt wont wouldnt cant couldnt shouldnt havent hasnt hadnt "
    "ne n pas jamais rien aucun aucune personne sans nan non".split()
)
# French negation particles that follow the verb: "j'aime pas", "c'est pas bien".
FR_POST_NEGATORS = frozenset("pas jamais plus point".split())

# Boosters / dampeners (VADER's B_INCR = 0.293) for English and French.
BOOSTERS = {w: 0.293 for w in (
    "absolutely amazingly awfully completely deeply effing enormously entirely especially "
    "exceptionally extremely fabulously flipping freaking fricking frigging fucking fully greatly "
    "hella highly hugely incredibly intensely majorly particularly purely quite really remarkably "
    "so substantially super thoroughly totally tremendously uber unbelievably utterly very soo sooo "
    "trop tres vraiment tellement hyper ultra vachement carrement completement totalement "
    "extremement grave mega archi si tant tres-tres").split()}
BOOSTERS.update({w: -0.293 for w in (
    "almost barely hardly kinda kindof less little marginally occasionally partly scarcely "
    "slightly somewhat sorta peu assez plutot moyennement").split()})

# ---------------------------------------------------------------------------------------------
# Language cues: frequent function words and chat slang that are distinctive for a language.
# ---------------------------------------------------------------------------------------------
LANG_CUES = {
    "en": frozenset("the and is are was were you your i'm im it's its this that what with have has "
                    "not don't dont can't cant my me so just love like really thanks thank lol omg "
                    "wow of to for be will would could should they them he she we our how why when "
                    "who there here very good great bad sad happy hate u ur gonna wanna yeah yes".split()),
    "fr": frozenset("le la les un une des du de et est c'est cest je tu il elle nous vous ils elles "
                    "mon ma mes ton ta tes son sa ses pas ne que qui quoi pour avec dans sur mais ou "
                    "tres trop bien merci mdr ptdr jsp jpp bonjour salut coucou oui ouais non j'ai "
                    "jai suis es sont etait ça ca cette ce cet au aux nul genial super vraiment "
                    "tellement beaucoup aussi toujours jamais rien bisous chaud chiant relou grave "
                    "wesh frero meuf mec trucs truc ptn putain genre avoir etre fait faire peux veux "
                    "aime adore t'es tes j'adore".split()),
    "es": frozenset("el los las una por pero muy está esta estoy gracias qué porque como también "
                    "hola bueno buena mucho muchas muchos tengo eres soy jaja jajaja usted nosotros "
                    "ellos ella esto eso aquí ahora siempre nunca más mejor del al yo".split()),
    "de": frozenset("und ich nicht das ist der die ein eine sehr danke mit auch aber wie was wir ihr "
                    "sie du bin bist sind haben habe hast gut schön schoen liebe mein dein kein "
                    "nein ja doch noch schon jetzt heute immer warum weil oder auf für fuer".split()),
    "it": frozenset("che non sono della il per molto grazie ciao questo questa bello bella sei "
                    "anche ma come cosa sempre io tu lui lei noi voi loro mio tuo è perché perche "
                    "ho hai ha gli nel nella buongiorno buonasera tanto".split()),
    "pt": frozenset("não nao você voce obrigado obrigada muito uma com para isso esse essa eu "
                    "ele ela nós nos eles também tambem mas como porque está estou sou é bom boa "
                    "tudo bem olá ola kkk kkkk vc tô".split()),
    "nl": frozenset("het een niet ik dat zijn hij zij wij jullie ook maar voor mijn jouw heel "
                    "bedankt dank goed mooi lekker waarom omdat nog wel geen echt zo".split()),
}

# Script ranges (first code point, last code point, ISO 639-1 guess) for non-Latin writing.
SCRIPTS = (
    (0x0400, 0x04FF, "ru"), (0x0370, 0x03FF, "el"), (0x0590, 0x05FF, "he"), (0x0600, 0x06FF, "ar"),
    (0x0750, 0x077F, "ar"), (0x0900, 0x097F, "hi"), (0x0980, 0x09FF, "bn"), (0x0E00, 0x0E7F, "th"),
    (0x10A0, 0x10FF, "ka"), (0x0530, 0x058F, "hy"), (0x3040, 0x30FF, "ja"), (0xAC00, 0xD7AF, "ko"),
    (0x1100, 0x11FF, "ko"), (0x4E00, 0x9FFF, "zh"), (0x3400, 0x4DBF, "zh"), (0x0B80, 0x0BFF, "ta"),
)

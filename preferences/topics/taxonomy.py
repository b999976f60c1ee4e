"""Topic taxonomy of fan messages (English + French): the data, no logic.

Everything here is plain Python literals, read once at import time by
``preferences.topics.matcher`` which compiles it into lookup tables.  See
``preferences/topics/README.md`` for the full documentation; the short version:

Entry notation (in the ``strong`` / ``weak`` lists of a language)
----------------------------------------------------------------
* ``"gym"``                 a whole word.  Plurals are tried automatically
                             (en: -s, -es, -ies→y; fr: -s, -x), so list the
                             singular.  Short words (<= 3 letters) should list
                             their plural explicitly when it matters.
* ``"muscu*"``              a prefix: any word *starting* with it
                             (musculation, muscuuu...).  Keep prefixes >= 3 chars.
* ``"leg day"``             a phrase: consecutive words.  Inside a phrase a
                             token may be:
                               ``a|b|c``  one of several words,
                               ``pic*``   a prefix,
                               ``*``      any single word,
                               ``<num>``  a number written in digits,
                               ``@place`` any word of ``CLASSES["place"]``.

Text and entries are normalised the same way before matching: lower case,
accents removed ("entraînement" == "entrainement"), ``œ``→``oe``, and
apostrophes / hyphens split words ("l'entraînement" → ``l entrainement``,
"let's" → ``let s``, "t-shirt" → ``t shirt``).  So write entries the natural
way ("let's pretend", "j'ai mangé"); alternatives (``a|b``) must be single
words.

Weights
-------
``strong`` entries weigh 1.0, ``weak`` entries 0.5.  A topic is returned when
its total weight in a message reaches ``THRESHOLD`` (1.0): one strong cue, or
two weak ones ("watched" + "season" → movies_tv).  Same for emoji.

Phrases are matched before single words, longest first, and the words they
cover are *consumed* (so "yoga pants" is fashion and does not also count
"yoga" for fitness).  ``IGNORE`` phrases are consumed without scoring anything:
that is how traps are neutralised ("6 feet tall", "prendre son pied",
"does it work", "bonne soirée").

To add a topic: add a key to ``TAXONOMY`` (order = tie-break order of the
output) with a description, examples, ``en``/``fr`` lists and emoji, then add
labelled messages to ``tests/data/topics.jsonl`` and run
``.venv/bin/python bench/topics_eval.py``.
"""

from __future__ import annotations

THRESHOLD = 1.0
STRONG = 1.0
WEAK = 0.5

# Messages longer than this are truncated before matching (latency bound).
MAX_CHARS = 20_000

# --------------------------------------------------------------------------
# Word classes usable in phrases as @name.
# --------------------------------------------------------------------------
CLASSES: dict[str, list[str]] = {
    # Travel destinations.  Alone a place name is only a weak travel cue (the
    # fan may live there); "to Bali", "au Japon", "en Espagne" are strong.
    "place": [
        "paris", "london", "londres", "miami", "vegas", "tokyo", "japan", "japon",
        "bali", "dubai", "italy", "italie", "rome", "venice", "venise", "spain",
        "espagne", "barcelona", "barcelone", "madrid", "greece", "grece", "mykonos",
        "santorini", "mexico", "mexique", "cancun", "thailand", "thailande", "bangkok",
        "berlin", "amsterdam", "ibiza", "marrakech", "maroc", "morocco", "portugal",
        "lisbon", "lisbonne", "montreal", "quebec", "canada", "usa", "florida",
        "floride", "california", "californie", "hawaii", "brazil", "bresil", "rio",
        "colombia", "colombie", "australia", "australie", "croatia", "croatie",
        "iceland", "islande", "egypt", "egypte", "korea", "coree", "seoul", "vietnam",
        "maldives", "caribbean", "caraibes", "martinique", "guadeloupe", "corse",
        "bretagne", "europe", "asia", "asie", "prague", "vienna", "vienne",
        "dublin", "ireland", "irlande", "scotland", "ecosse", "switzerland",
        "suisse", "nyc", "phuket", "tenerife", "tunisie", "tunisia", "singapore",
        "singapour", "philippines", "peru", "perou", "cuba", "new york",
    ],
    # Jobs: "i'm a nurse" / "je suis infirmière" is the work topic.  Alone, a
    # job noun is only a weak work cue (and some are weak roleplay cues).
    "job_en": [
        "nurse", "mechanic", "trucker", "teacher", "cop", "firefighter", "engineer",
        "electrician", "plumber", "lawyer", "soldier", "accountant", "developer",
        "programmer", "waiter", "waitress", "bartender", "cashier", "manager",
        "carpenter", "welder", "contractor", "paramedic", "pilot", "driver",
        "farmer", "barber", "chef", "cook", "janitor",
    ],
    "job_fr": [
        "prof", "professeur", "infirmier", "infirmiere", "mecano", "mecanicien",
        "routier", "chauffeur", "livreur", "serveur", "serveuse", "vendeur",
        "vendeuse", "caissier", "caissiere", "plombier", "electricien", "pompier",
        "militaire", "ingenieur", "developpeur", "dev", "comptable", "avocat",
        "commercial", "cuisinier", "boulanger", "manager", "menuisier", "macon",
        "agriculteur", "policier", "gendarme", "aide soignant", "ouvrier", "cadre",
        "fonctionnaire", "interimaire", "technicien", "artisan", "coiffeur",
    ],
    # Role-play characters: "be my naughty librarian", "joue la prof".
    "role_en": [
        "teacher", "nurse", "secretary", "neighbor", "neighbour", "maid", "librarian",
        "doctor", "boss", "student", "cheerleader", "stepsister", "stepmom", "babysitter",
        "cop", "police", "girlfriend", "wife", "masseuse", "flight attendant", "stewardess",
        "nun", "mistress", "princess", "naughty", "dirty", "strict", "sexy",
    ],
    "role_fr": [
        "prof", "professeur", "maitresse", "infirmiere", "secretaire", "voisine", "voisin",
        "patronne", "etudiante", "policiere", "hotesse", "masseuse", "baby sitter",
        "docteur", "doctoresse", "soubrette", "domestique", "coquine", "femme de menage",
    ],
    # Someone close to the fan: "my grandma is in hospital" is news about them to ask about
    # later (an open item, an event fact), not the fan's interest in health.
    "relative": [
        "grandma", "grandpa", "granny", "nan", "nana", "grandmother", "grandfather", "mom", "mum",
        "mother", "dad", "father", "brother", "sister", "aunt", "uncle", "son", "daughter", "wife",
        "husband", "girlfriend", "boyfriend", "friend", "buddy", "cousin", "kid", "baby",
        "mamie", "papy", "papi", "mere", "pere", "maman", "papa", "frere", "soeur", "tante", "oncle",
        "fils", "fille", "femme", "mari", "copine", "copain", "pote", "cousine",
    ],
    "num_word": [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "few", "couple", "several", "hundred", "thousand", "fifty", "hundreds",
    ],
}

# --------------------------------------------------------------------------
# The taxonomy.  Key order is the tie-break order of extract_topics().
# --------------------------------------------------------------------------
TAXONOMY: dict[str, dict] = {
    "fitness": {
        "description": "Working out: gym, lifting, running, yoga, body goals.",
        "examples": {"en": "just got back from the gym 💪", "fr": "séance muscu terminée"},
        "en": {
            "strong": [
                "gym", "gymrat", "gym rat", "workout*", "work out", "working out",
                "worked out", "works out", "lifting", "lift weights", "weightlifting",
                "powerlifting", "bodybuilding", "bodybuilder", "crossfit", "pilates",
                "yoga", "squat*", "deadlift*", "bench press*", "leg day", "arm day",
                "chest day", "back day", "pull day", "push day", "new pr", "personal best",
                "cardio", "treadmill", "protein", "preworkout", "pre workout", "gains",
                "abs", "biceps", "triceps", "glutes", "six pack", "sixpack", "jogging",
                "jog", "marathon", "half marathon", "5k", "10k", "5km", "10km", "21k",
                "half-marathon", "went for a run", "go for a run", "going for a run",
                "morning run", "evening run", "my run", "on a run", "personal trainer",
                "fitness", "muscles", "swole", "shredded", "bulking", "calisthenics",
                "spin class", "pushups", "push ups", "pullups", "pull ups", "reps",
                "hiking", "hike", "cycling", "zumba", "stretching", "gym selfie*",
                "work out*", "workouts", "athletic", "ran a marathon", "swimming", "swim",
                "morning swim", "laps", "the pump", "planet fitness", "basic fit",
                "anytime fitness", "gym membership", "training session", "lift", "leg press",
                "quads", "hamstrings", "bike ride", "ran <num>", "run <num>", "hit a pr",
                "skipped the gym", "at the gym",
            ],
            "weak": [
                "run", "running", "training", "trained", "train", "sore", "muscle",
                "fit body", "bench", "sweat", "sweaty", "coach", "diet", "treadmill",
                "exercise", "exercising", "jogged", "stamina", "session", "pump", "swam", "pr",
                "<num> km", "<num> miles",
            ],
        },
        "fr": {
            "strong": [
                "salle de sport", "salle de muscu", "salle de gym", "salle de fitness",
                "salle", "muscu*", "musculation", "entrain*", "s'entraîner", "faire du sport",
                "du sport", "au sport", "de sport", "séance de sport", "séance de muscu",
                "séance jambes|bras|pecs|abdos|cardio|dos|epaules|fessiers",
                "séance de jambes|bras|pecs|abdos|cardio|dos|epaules|fessiers",
                "course à pied", "je cours", "tu cours", "courir", "couru", "footing",
                "jogging", "running", "marathon", "semi marathon", "vélo", "yoga",
                "pilates", "crossfit", "abdos", "pecs", "fessiers", "squat*", "cardio",
                "gainage", "tractions", "randonnée", "rando", "mon coach",
                "programme de muscu", "prise de masse", "musclé*", "muscles",
                "protéine*", "whey", "fitness", "natation", "nager", "basic fit", "fitness park",
                "l'orange bleue", "abonnement à la salle", "fait <num> km", "couru <num>",
                "jour de jambes|bras|pecs|dos|épaules", "inscrit à la salle", "en sueur",
            ],
            "weak": [
                "sport", "séance", "coach", "pompes", "sportif", "sportive", "muscle",
                "transpire*", "régime", "souple", "course", "sèche",
            ],
        },
        "emoji": {"strong": "🏋🧘🤸", "weak": "💪🏃🚴"},
    },
    "sports": {
        "description": "Watching or playing sports: football, NBA, UFC, F1, tennis, teams, matches.",
        "examples": {"en": "watching the game tonight? Lakers vs Celtics 🏀", "fr": "t'as vu le match hier ? le PSG 🔥"},
        "en": {
            "strong": [
                "football", "soccer", "basketball", "nba", "nfl", "mlb", "nhl", "baseball",
                "hockey", "tennis", "golf", "rugby", "ufc", "mma", "boxing", "f1",
                "formula 1", "formula one", "nascar", "super bowl", "superbowl",
                "world cup", "playoffs", "premier league", "champions league",
                "watch* the game", "the game tonight", "the match", "the fight",
                "ufc fight", "stadium", "touchdown", "skate*", "skateboard*", "surfing",
                "snowboard*", "skiing", "volleyball", "cricket", "wrestling", "wwe",
                "jersey", "lakers", "celtics", "yankees",
                "real madrid", "barca", "man utd", "arsenal",
                "liverpool", "chelsea", "messi", "ronaldo", "lebron", "olympics",
                "grand prix", "f1 race", "el clasico", "wimbledon", "us open", "derby",
                "nba player", "rec league", "the game last night", "sports betting", "the race", "fantasy football",
                "march madness",
            ],
            "weak": ["betting", "ko", "match", "team", "my team", "season", "goal", "athlete", "race", "fight", "practice", "score", "coach", "finals"],
        },
        "fr": {
            "strong": [
                "foot", "football", "le match", "un match", "du match", "ce match",
                "psg", "om", "ligue 1", "ligue des champions", "coupe du monde",
                "tennis", "rugby", "basket", "boxe", "mma", "ufc", "f1", "formule 1",
                "tour de france", "handball", "jeux olympiques", "stade", "ski",
                "surf", "judo", "karate", "équipe de france", "les bleus",
                "mbappé", "ballon d'or", "clasico", "el clasico", "roland garros",
                "wimbledon", "hand", "derby",
            ],
            "weak": ["match", "équipe", "maillot", "saison", "but", "championnat"],
        },
        "emoji": {"strong": "⚽🏀🏈⚾🎾🏉🏒🥊🏟⛷🏂🏄🏐🥅⛳", "weak": "🏆🏎🥇"},
    },
    "gaming": {
        "description": "Video games, consoles, streaming games, board games and chess.",
        "examples": {"en": "playing elden ring all night 🎮", "fr": "je joue à la play toute la nuit"},
        "en": {
            "strong": [
                "video game*", "videogame*", "gaming", "gamer", "gamers", "gamer girl",
                "console", "consoles", "ps4", "ps5", "playstation", "xbox", "nintendo",
                "nintendo switch", "twitch", "fortnite", "elden ring", "final fantasy",
                "zelda", "pokemon", "minecraft", "call of duty", "warzone", "valorant",
                "league of legends", "apex", "overwatch", "gta", "roblox", "genshin",
                "cyberpunk", "skyrim", "mario", "counter strike", "csgo", "cs2",
                "dota", "baldur's gate", "the sims", "sims", "ranked", "game night",
                "board game*", "chess", "dnd", "d&d", "dungeons and dragons", "steam deck",
                "controller", "pc gaming", "gaming pc", "play games", "playing games",
                "ranked game", "animal crossing", "diablo", "world of warcraft",
                "mario kart", "gamescom", "games week", "card game*", "uno",
            ],
            "weak": ["game", "games", "duo", "stream", "streaming", "streamer", "pc", "level up", "steam", "boss fight"],
        },
        "fr": {
            "strong": [
                "jeux vidéo", "jeu vidéo", "jeux videos", "gaming", "gamer", "gameuse",
                "la play", "sur la play", "console", "manette", "twitch", "une game",
                "jeu de société", "jeux de société", "échecs", "tu joues à quoi",
                "fortnite", "valorant", "zelda", "pokemon", "minecraft", "fifa",
                "call of duty", "gta", "switch", "mario kart", "uno", "jeu de cartes",
                "jeux de cartes", "games week", "paris games week", "gamescom",
            ],
            "weak": ["jeu", "jeux", "stream*", "partie", "tournoi", "partie de"],
        },
        "emoji": {"strong": "🎮🕹👾♟", "weak": "🎲"},
    },
    "cosplay": {
        "description": "Cosplay, costumes, wigs, conventions, dressing up as characters.",
        "examples": {"en": "your 2B cosplay is the best", "fr": "tu te déguises en quoi ?"},
        "en": {
            "strong": [
                "cosplay*", "costume", "costumes", "costume*", "comic con", "comiccon", "comic-con", "anime expo",
                "wig", "wigs", "dress up as", "dressing up as", "dressed up as",
                "dressed as", "dress up like", "onesie", "cosplayer",
                "fan expo",
            ],
            "weak": ["convention", "character", "dress up", "dressing up", "cat ears", "bunny ears"],
        },
        "fr": {
            "strong": [
                "cosplay*", "déguis*", "perruque*", "japan expo", "paris manga", "costumé*",
            ],
            "weak": ["costume", "perso", "personnage", "convention"],
        },
        "emoji": {"strong": "", "weak": "🎭"},
    },
    "anime": {
        "description": "Anime and manga (series, characters, conventions).",
        "examples": {"en": "what anime are you watching rn?", "fr": "t'as lu quel manga ?"},
        "en": {
            "strong": [
                "anime", "animes", "manga*", "one piece", "naruto", "dragon ball",
                "attack on titan", "demon slayer", "jujutsu kaisen", "jjk", "chainsaw man",
                "my hero academia", "hunter x hunter", "death note", "waifu",
                "otaku", "weeb", "crunchyroll", "ghibli", "studio ghibli", "japan expo",
                "anime girl", "spy x family", "evangelion", "sailor moon", "hentai",
            ],
            "weak": ["cartoon*"],
        },
        "fr": {
            "strong": ["animé", "animés", "manga*", "japan expo", "one piece", "naruto", "dragon ball", "ghibli"],
            "weak": [],
        },
        "emoji": {"strong": "", "weak": "🍥"},
    },
    "music": {
        "description": "Music: songs, concerts, artists, playlists, instruments.",
        "examples": {"en": "went to a Drake concert last night", "fr": "t'écoutes quoi comme musique ?"},
        "en": {
            "strong": [
                "music", "musician", "song", "songs", "singer", "singing", "concert*",
                "playlist*", "spotify", "album", "albums", "guitar*", "piano", "drums",
                "drummer", "rapper", "hip hop", "hiphop", "edm", "techno", "jazz", "kpop",
                "k-pop", "lyrics", "coachella", "tomorrowland", "my band", "in a band",
                "soundcloud", "apple music", "vinyl",
                "karaoke", "taylor swift", "drake", "beyonce", "the weeknd", "eminem",
                "bad bunny", "billie eilish", "rihanna", "ariana grande", "kanye",
                "top artist", "spotify wrapped", "bts", "blackpink", "sing", "sang",
                "musica*", "dj",
            ],
            "weak": ["band", "rock", "metal", "festival", "headphones", "on repeat", "track", "artist", "rap", "tune", "listening to", "listen to"],
        },
        "fr": {
            "strong": [
                "musique*", "musica*", "chanson*", "chanteur", "chanteuse", "chante*", "concert*",
                "playlist", "album", "piano", "guitare", "rap fr", "rappeur", "spotify",
                "deezer", "jul", "ninho", "pnl", "aya nakamura", "booba", "sch", "damso",
                "orelsan", "angèle", "stromae", "fête de la musique", "karaoké",
                "je joue du", "tu joues du", "du rap|rock|jazz|metal|reggae|rnb|zouk",
                "de la pop|techno|house|musique|électro",
            ],
            "weak": ["rap", "morceau", "son", "batterie", "écouter", "en boucle", "zik", "festival"],
        },
        "emoji": {"strong": "🎵🎶🎧🎸🎹🥁🎷🎺🎻", "weak": "🎤"},
    },
    "movies_tv": {
        "description": "Films, series, streaming platforms, cinema, episodes.",
        "examples": {"en": "any netflix recommendations?", "fr": "on se fait une soirée série ?"},
        "en": {
            "strong": [
                "movie", "movies", "film", "films", "cinema", "netflix", "hbo", "hulu",
                "prime video", "disney plus", "disney+", "tv show", "tv shows", "episode*",
                "binge*", "documentary", "docuseries", "sitcom", "series finale",
                "breaking bad", "game of thrones", "stranger things",
                "squid game", "house of the dragon", "the last of us", "euphoria",
                "the bachelor", "love island", "marvel", "star wars", "horror movie*",
                "rom com", "romcom", "box office", "movie theater", "the movies",
                "oscars",
            ],
            "weak": ["season", "watched", "watching", "watch", "series", "trailer", "show", "shows", "rewatch*", "spoiler*", "popcorn", "tv", "actor", "actress"],
        },
        "fr": {
            "strong": [
                "film", "films", "ciné", "cinéma", "netflix", "série", "séries",
                "épisode*", "soirée série|séries|film|netflix|ciné", "dessin animé*",
                "documentaire", "squid game", "marvel", "disney", "canal plus", "prime video",
            ],
            "weak": ["saison", "regarder", "regardé", "télé", "émission", "acteur", "actrice"],
        },
        "emoji": {"strong": "🎬", "weak": "🍿📺🎥"},
    },
    "travel": {
        "description": "Trips, vacations, flights, hotels, beaches, destinations.",
        "examples": {"en": "just landed in Miami ✈️", "fr": "je pars en vacances en Espagne"},
        "en": {
            "strong": [
                "trip", "trips", "travel*", "vacation*", "vacay", "flight", "flights",
                "airport", "layover", "jet lag*", "jetlag*", "hotel", "hotels", "resort",
                "beach", "beaches", "cruise", "passport", "abroad", "road trip",
                "roadtrip", "backpacking", "sightseeing", "tourist*", "just landed",
                "fly out", "fly * out", "fly to", "flying to", "flew to", "on holiday",
                "holiday in", "to @place", "visiting @place", "weekend in|at @place",
                "been to @place", "ever been to", "airbnb", "spring break", "on the train", "on a plane",
                "getaway", "honeymoon", "travelling", "itinerary", "staycation",
                "trip to", "going to @place", "back from @place", "weeks|days in @place",
                "week in @place",
            ],
            "weak": ["@place", "in @place", "fly", "plane", "boarding", "visit", "holiday", "island", "landed", "luggage", "suitcase"],
        },
        "fr": {
            "strong": [
                "vacances", "voyage*", "vol", "aéroport", "atterri*", "décoll*", "escale",
                "hôtel", "plage", "croisière", "passeport", "à l'étranger", "road trip",
                "visiter", "visite de", "au|en|aux @place", "pars à|au|en @place",
                "part à|au|en @place", "week-end à|en|au @place", "weekend à|en|au @place", "en congés",
                "à la montagne", "à la mer", "au bord de la mer", "dans le train",
                "en train", "en avion", "touriste*", "dépaysement", "séjour", "valise",
                "airbnb", "camping", "aller au|en @place",
            ],
            "weak": ["@place", "à @place", "avion", "train", "montagne", "mer", "partir", "île"],
        },
        "emoji": {"strong": "✈🏝🏖🛫🛬🧳🗺🚄🚅🗼🗽", "weak": "🌴⛰🏔🌍🌎🌏🛳🏨"},
    },
    "food": {
        "description": "Eating, cooking, restaurants, dishes, coffee (not alcohol, see nightlife).",
        "examples": {"en": "making homemade pizza tonight 🍕", "fr": "c'est quoi ton plat préféré ?"},
        "en": {
            "strong": [
                "food", "foodie", "dinner", "lunch", "breakfast", "brunch", "cook*",
                "chef", "recipe*", "restaurant*", "pizza*", "sushi", "pasta", "burger*",
                "taco", "tacos", "bbq", "barbecue", "hot dog*", "steak", "dessert*",
                "coffee", "snack*", "fast food", "mcdonalds", "mcdonald's", "kfc",
                "ice cream", "icecream", "food coma", "homemade", "vegan", "vegetarian",
                "groceries", "grocery", "meal", "meals", "baking", "bake", "baked",
                "noodles", "ramen", "curry", "salad", "sandwich*", "fries", "chicken wings",
                "pancake*", "waffle*", "donut*", "doughnut*", "chocolate cake",
                "takeout", "uber eats", "doordash",
                "latte", "espresso", "cappuccino", "starbucks", "ate too much", "lasagna",
                "lasagne", "spicy food", "paella", "risotto", "pho", "nuggets", "poke bowl",
                "steakhouse", "ever eaten",
                "ate way too much", "eat out", "eating out",
            ],
            "weak": ["eat", "ate", "eaten", "eating", "hungry", "starving", "cake", "chocolate", "tea", "yummy", "cookie", "fruit", "kitchen", "delicious", "tasty", "wings"],
        },
        "fr": {
            "strong": [
                "bouffe", "cuisin*", "cuistot", "recette*", "resto", "restos", "restaurant*",
                "plat préféré", "dîner", "déjeuner", "petit déj", "petit dej", "petit déjeuner",
                "brunch", "crêpe*", "kebab", "tacos", "pizza*", "burger*", "sushi*", "pâtes",
                "fromage", "gâteau*", "pâtisserie*", "faire les courses", "fais les courses",
                "les courses", "café", "raclette", "fondue", "mcdo", "kfc", "j'ai faim",
                "bon appétit", "ai mangé", "trop mangé", "bien mangé", "je mange",
                "tu manges", "on mange", "barbecue", "apéritif dînatoire", "goûter",
                "croissant*", "chocolat chaud", "boulangerie", "repas", "miam", "crève de faim",
                "lasagne*", "couscous", "tajine", "quiche", "frites", "poulet", "soupe",
                "paella", "risotto", "salade", "nuggets", "poke",
            ],
            "weak": ["manger", "mangé", "mange", "bouffer", "faim", "chocolat", "dessert", "gourmand*", "délicieux"],
        },
        "emoji": {"strong": "☕", "weak": "🍕🍔🍟🌮🌯🍣🍜🍝🍖🍗🥩🍳🥞🧀🍰🍩🍪🍫🍦🥗🥘🍲🍱🥐🥖🍽🥪🥙🍤"},
    },
    "nightlife": {
        "description": "Going out: parties, clubs, bars, alcohol, hangovers.",
        "examples": {"en": "had a few beers with the guys 🍻", "fr": "on sort en boîte ce soir"},
        "en": {
            "strong": [
                "party", "partying", "parties", "clubbing", "nightclub", "the club",
                "a club", "at the club", "the bar", "a bar", "at the bar", "bar hopping",
                "pub", "drunk", "drinks", "drinking", "drink", "beer*", "wine", "whiskey",
                "whisky", "vodka", "tequila", "rum", "gin", "cocktail*", "margarita*",
                "champagne", "prosecco", "hungover", "hangover", "tipsy", "night out",
                "going out tonight", "rave", "happy hour", "shots of", "bottle service",
                "afterparty", "after party",
            ],
            "weak": ["club", "bar", "bars", "wasted", "going out", "lit", "booze", "sober", "dancing", "bartender"],
        },
        "fr": {
            "strong": [
                "en boîte", "boîte de nuit", "faire la fête", "fais la fête", "fait la fête",
                "grosse soirée", "en soirée", "bourré", "bourrée", "trop bu", "j'ai bu",
                "un verre", "boire un verre", "apéro", "apéros", "bière*", "vin", "champagne",
                "cocktail*", "vodka", "whisky", "rhum", "gueule de bois", "trinque*",
                "au bar", "un bar", "pinte", "pintes", "soirée arrosée", "teuf", "fêtard", "pompette",
            ],
            "weak": ["soirée", "fête", "bar", "bu", "boire", "verre", "sortir", "danser"],
        },
        "emoji": {"strong": "🍺🍻🍷🍸🍹🥃🪩", "weak": "🥂🍾🎉🥴"},
    },
    "pets": {
        "description": "Pets and animals the fan or creator owns: dogs, cats, etc.",
        "examples": {"en": "is that your dog in the background? 🐶", "fr": "mon chat dort sur mon clavier"},
        "en": {
            "strong": [
                "dog", "dogs", "doggo", "doggos", "puppy", "pup", "pups", "pupper", "cat",
                "cats", "kitten*", "my kitty", "pets", "parrot", "hamster", "rabbit",
                "guinea pig", "turtle", "tortoise", "ferret", "puppies", "rescue dog",
                "golden retriever", "labrador", "husky", "pitbull", "chihuahua",
                "corgi", "dachshund", "poodle", "bulldog", "german shepherd",
                "the vet", "my pet", "your pet", "fur baby", "furbaby", "my bird",
            ],
            "weak": ["pet", "kitty", "bunny", "bird", "fish", "snake", "horse", "vet", "paws", "bark*", "walk the dog"],
        },
        "fr": {
            "strong": [
                "chat", "chats", "chaton*", "chien", "chiens", "chiot*", "toutou",
                "lapin", "hamster", "perroquet", "animal de compagnie", "animaux de compagnie",
                "véto", "vétérinaire", "mon animal", "ton animal", "croquettes",
                "litière", "tortue", "cochon d'inde", "animaux",
            ],
            "weak": ["chatte", "chienne", "minou", "animal", "poisson", "cheval", "oiseau"],
        },
        "emoji": {"strong": "🐶🐕🐱🐈🐾🐹🦜🐩🐇", "weak": "🐰😻🐠🐟🐴"},
    },
    "fashion": {
        "description": "Clothes, outfits, shoes, accessories, makeup, nails, perfume, style.",
        "examples": {"en": "you in that red dress 🔥", "fr": "j'adore ta tenue"},
        "en": {
            "strong": [
                "outfit*", "dress", "dresses", "clothes", "clothing", "fashion", "shoes",
                "heels", "high heels", "boots", "sneakers", "hoodie*", "jeans", "skirt*",
                "leggings", "yoga pants", "crop top", "jacket", "makeup", "make-up",
                "lipstick", "eyeliner", "mascara", "perfume", "jewelry", "jewellery",
                "earrings", "necklace", "choker", "sunglasses", "handbag", "purse",
                "nails", "manicure", "nail polish", "zara", "h&m", "gucci", "prada",
                "louis vuitton", "shein", "your style", "sweater", "blouse", "tank top",
                "mini skirt", "miniskirt", "ootd", "schoolgirl outfit", "school uniform",
                "fit check", "hoodies", "cardigan", "hair color", "hair colour", "hairstyle",
                "hair dye", "new hairdo", "sundress", "maxi dress", "mini dress", "little black dress",
            ],
            "weak": ["style", "wearing", "brand", "shopping", "glasses", "hat", "coat", "pants", "dressed", "nike", "adidas", "trainers", "shorts"],
        },
        "fr": {
            "strong": [
                "tenue*", "robe*", "fringues", "vêtement*", "jupe*", "talons",
                "talons hauts", "chaussure*", "baskets", "bottes", "maquillage",
                "rouge à lèvres", "vernis", "ongles", "manucure", "parfum*", "bijou*",
                "collier", "boucles d'oreilles", "lunettes", "sac à main", "ton haut",
                "ce haut", "petit haut", "ta veste", "jean", "jeans", "pull", "sweat",
                "ton style", "ta jupe", "ton look", "la mode", "costume",
                "mini jupe", "crop top", "legging*", "short", "coiffure", "couleur de cheveux",
            ],
            "weak": ["style", "mode", "look", "shopping", "sac", "porte", "habillé*", "haut"],
        },
        "emoji": {"strong": "👗💄👢👜👚🧥👖", "weak": "👠👟💅🕶👒👔👕"},
    },
    "lingerie": {
        "description": "Lingerie, underwear, stockings, bodysuits, and swimwear/bikinis.",
        "examples": {"en": "that lace bra is 🔥", "fr": "cet ensemble en dentelle 🔥"},
        "en": {
            "strong": [
                "lingerie", "bra", "bras", "bralette", "panties", "panty", "thong*",
                "g string", "stockings", "tights", "fishnet*", "garter*", "corset",
                "bodysuit", "underwear", "knickers", "nightie", "negligee", "babydoll",
                "lingerie set", "bikini*", "swimsuit*", "swimwear", "bathing suit",
                "lace", "lacy", "victoria's secret", "savage x fenty", "teddy lingerie",
                "sports bra", "push up bra", "pantyhose", "suspenders", "undies",
            ],
            "weak": ["set", "latex", "satin", "silk", "see through", "sheer", "teddy"],
        },
        "fr": {
            "strong": [
                "lingerie", "soutif", "soutien gorge", "culotte*", "string", "strings",
                "tanga", "bas résille", "résille", "tes bas", "des bas", "porte jarretelle*",
                "jarretière*", "collant*", "dentelle", "nuisette", "sous vêtement*",
                "maillot de bain", "bikini", "ensemble en dentelle", "petite culotte",
            ],
            "weak": ["body", "ensemble", "transparent*", "satin", "soie"],
        },
        "emoji": {"strong": "👙🩱🩲", "weak": ""},
    },
    "feet": {
        "description": "Feet content: feet, toes, soles, foot pics, shoe size.",
        "examples": {"en": "would you ever sell foot pics? 🦶", "fr": "tes pieds sont magnifiques"},
        "en": {
            "strong": [
                "feet", "foot", "toes", "toenail*", "soles", "pedicure", "foot pic*",
                "feet pic*", "foot fetish", "foot job", "footjob", "barefoot", "shoe size",
                "size are your feet", "foot worship", "foot guy", "feet guy", "foot lover",
            ],
            "weak": ["toe", "sole", "socks", "sock", "arches"],
        },
        "fr": {
            "strong": [
                "pieds", "orteil*", "plante des pieds", "pointure", "pédicure",
                "pieds nus", "petons", "photos de pieds", "fétichiste des pieds", "fétichisme des pieds",
            ],
            "weak": ["pied", "chaussettes"],
        },
        "emoji": {"strong": "🦶👣", "weak": "🧦"},
    },
    "roleplay": {
        "description": "Role-play requests and scenarios (teacher, nurse, neighbour...).",
        "examples": {"en": "can we do a roleplay? you be the strict teacher", "fr": "on fait un jeu de rôle ?"},
        "en": {
            "strong": [
                "roleplay*", "role play*", "rp", "scenario*", "in character",
                "into character", "let's pretend", "pretend i'm", "pretend you're",
                "pretend to be", "pretend that", "you be the", "be my naughty|dirty|strict|sexy",
                "strict teacher", "naughty nurse", "naughty teacher", "naughty secretary",
                "play the role", "role playing", "teacher student", "boss secretary",
                "schoolgirl", "schoolgirl outfit", "school uniform", "stepsister", "step sister", "stepmom", "step mom",
                "doctor and patient", "cop and robber", "play doctor|nurse|teacher|house",
                "pretend we|you|i|to|that|like", "pretend we're", "be my @role_en", "play the|a @role_en",
                "you be my @role_en",
            ],
            "weak": ["pretend", "teacher", "nurse", "secretary", "neighbor", "neighbour", "maid", "character", "fantasy"],
        },
        "fr": {
            "strong": [
                "jeu de rôle*", "jeux de rôle*", "jdr", "rp", "scénario*",
                "imagine je suis", "imagine que je suis", "imagine que tu es", "imagine tu es",
                "imagine que tu serais", "jouer le rôle", "joue le rôle", "joues le rôle",
                "fais semblant", "on fait semblant", "prof coquine", "infirmière coquine",
                "imagine que t'es", "imagine que tu es", "imagine que tu serais", "imagine que je suis",
                "imagine que j'étais", "imagine que t'étais", "imagine que tu étais", "imagine que on est",
                "imagine qu'on est", "imagine t'es", "imagine tu es", "joue* la|le|l|ma|mon @role_fr",
                "tu serais ma|mon @role_fr", "sois ma|mon @role_fr", "joue* à la @role_fr", "joue* au @role_fr",
            ],
            "weak": [
                "imagine que", "tu serais ma|mon", "tu joues", "quand tu joues", "infirmière", "secrétaire",
                "voisin", "voisine", "maîtresse", "prof", "patronne", "semblant",
            ],
        },
        "emoji": {"strong": "🎭", "weak": ""},
    },
    "birthday": {
        "description": "Birthdays (the fan's, the creator's, family's).",
        "examples": {"en": "it's my birthday today 🎂", "fr": "joyeux anniversaire ma belle !!"},
        "en": {
            "strong": [
                "birthday*", "bday", "b-day", "hbd", "turning <num>", "turned <num>",
                "birthday party", "birthday cake", "my <num>th", "bday party",
                "born today", "birthday girl", "birthday boy", "turns <num>", "turning <num>",
            ],
            "weak": ["candles", "presents"],
        },
        "fr": {
            "strong": [
                "anniversaire", "anniv", "bon anniv", "joyeux anniv", "eu <num> ans",
                "fête* les|mes|ses|tes|ses|ces <num> ans", "mes <num> ans", "tes <num> ans",
                "bougies", "gâteau d'anniversaire", "<num> ans demain", "<num> ans aujourd'hui",
                "aura <num> ans", "aurai <num> ans",
            ],
            "weak": ["cadeau", "bonne fête"],
        },
        "emoji": {"strong": "🎂", "weak": "🎈🎉🥳🎁"},
    },
    "work": {
        "description": "The fan's job: work, boss, shifts, office, colleagues, unemployment.",
        "examples": {"en": "ugh work was so long today", "fr": "je bosse de nuit cette semaine"},
        "en": {
            "strong": [
                "work", "works", "working", "worked", "wrk", "job", "jobs", "office",
                "shift", "shifts", "coworker*", "co-worker*", "colleague*", "lunch break",
                "my boss", "career", "salary", "paycheck", "overtime",
                "promoted", "got promoted", "promotion", "got fired", "got hired",
                "job interview", "9 to 5", "nine to five", "wfh", "work from home",
                "working from home", "unemployed", "laid off", "side hustle", "at work",
                "after work", "before work", "from work", "to work", "for work",
                "night shift", "day shift", "double shift", "i'm a|an @job_en",
                "im a|an @job_en", "as a|an @job_en", "work as", "meetings", "in a meeting",
                "the office", "business trip", "conference", "clients", "customers", "workday",
                "workweek", "my manager", "day off", "days off", "on break", "on my break",
                "my shift", "drive for uber|lyft|doordash", "uber driver",
            ],
            "weak": ["boss", "meeting", "@job_en", "grind", "grinding", "business", "client", "hustle", "warehouse", "interview"],
        },
        "fr": {
            "strong": [
                "travail", "travaille*", "travailler", "taf", "taff", "boulot", "bosser",
                "je bosse", "tu bosses", "on bosse", "il bosse", "ai bossé", "au bureau",
                "mon patron", "ma patronne", "mon boss", "ma boss", "collègue*",
                "réunion", "chômage", "heures sup", "heures supplémentaires",
                "jour de repos", "jours de repos", "télétravail", "pause déj",
                "pause dej", "pause déjeuner", "entretien d'embauche", "embauché*",
                "démission", "licencié*", "salaire", "je suis @job_fr", "jsuis @job_fr",
                "en tant que @job_fr", "mon taf", "au taf", "mon chef", "ma cheffe", "intérim", "usine", "3x8", "2x8", "chantier", "en stage", "en cdi", "cdi", "cdd", "astreinte",
            ],
            "weak": ["bureau", "patron", "bosse", "boss", "chef", "client*", "@job_fr", "stage"],
        },
        "emoji": {"strong": "💼", "weak": "👔"},
    },
    "studies": {
        "description": "School, university, exams, classes, homework.",
        "examples": {"en": "finals week is killing me 📚", "fr": "j'ai des partiels la semaine prochaine"},
        "en": {
            "strong": [
                "school", "college", "uni", "university", "classes", "in class", "my class",
                "exam*", "finals week", "midterm*", "homework", "thesis", "student*",
                "studying", "study", "studies", "campus", "professor", "lecture*",
                "semester", "tuition", "student loan*", "graduate*", "graduation",
                "dorm", "high school", "my degree", "bachelor's degree",
                "bachelors degree", "masters degree", "phd", "grad school", "freshman",
                "sophomore", "final exam*", "skip* class", "after|before|during class",
                "my teacher|professor|prof", "my finals", "have a final", "a final tomorrow|today",
            ],
            "weak": ["class", "assignment*", "essay", "degree", "masters", "teacher", "grades", "finals", "quiz"],
        },
        "fr": {
            "strong": [
                "école", "fac", "la fac", "université", "études", "étudiant*", "partiel*",
                "examen*", "exam*", "bac", "le bac", "mon bac", "lycée", "collège",
                "révis*", "devoirs", "mes cours", "en cours", "cours de", "amphi",
                "mémoire de", "bts", "licence de|en", "master de|en", "prépa",
                "alternance", "bachelor", "doctorat", "thèse", "contrôle de", "dissertation",
            ],
            "weak": ["cours", "classe", "prof", "mémoire", "master", "licence", "stage", "note", "notes"],
        },
        "emoji": {"strong": "📚🎓🏫", "weak": "📝"},
    },
    "relationship": {
        "description": "The fan's love life: partner, marriage, dating, breakups, being single.",
        "examples": {"en": "my wife doesn't know about this account", "fr": "je suis célibataire depuis peu"},
        "en": {
            "strong": [
                "wife", "husband", "girlfriend", "boyfriend", "gf", "fiance", "fiancee",
                "spouse", "married", "marriage", "getting married", "my wedding",
                "our wedding", "divorce*", "relationship*", "dating", "tinder", "bumble",
                "hinge", "on a date", "first date", "a date", "my ex", "your ex",
                "breakup", "break up", "broke up", "dumped", "cheated on", "i'm single",
                "im single", "are you single", "still single", "single life",
                "bachelor life", "my partner", "your partner", "soulmate", "engaged",
                "honeymoon", "my crush", "the ex", "situationship", "ex girlfriend",
                "ex wife", "ex husband", "ex boyfriend", "catfish*", "dating app*",
                "single dad", "single mom", "in laws", "in law", "mother in law", "split up", "we split", "and i split",
                "seeing anyone", "seeing someone",
                "father in law",
            ],
            "weak": ["single", "bf", "partner", "wedding", "date", "ex", "crush", "bachelor", "anniversary", "lonely", "cheating", "in love"],
        },
        "fr": {
            "strong": [
                "ma femme", "mon mari", "mari", "ma copine", "mon copain", "copain",
                "ma meuf", "mon mec", "petit ami", "petite amie", "petite copine",
                "célibataire", "en couple", "rencard", "rencart", "divorc*", "séparés",
                "séparé", "on s'est séparé*", "se séparer", "largué*", "larguer", "mon ex",
                "ton ex", "fiancé*", "mariage", "anniversaire de mariage", "je suis marié*",
                "tu es marié*", "t'es marié*", "un date",
                "trompé par", "ma nana", "mon homme", "ma compagne", "mon compagnon",
                "tinder", "meetic", "me séparer", "nous séparer", "as un mec|copain|copine",
                "as une copine", "t'as quelqu'un",
            ],
            "weak": ["copine", "meuf", "mec", "couple", "ex", "marié*", "rdv", "femme", "trompé*", "jalouse", "jaloux"],
        },
        "emoji": {"strong": "💍💔", "weak": "💑💏"},
    },
    "sleep": {
        "description": "Sleep and tiredness: going to bed, insomnia, naps, dreams, exhaustion.",
        "examples": {"en": "can't sleep, thinking about you", "fr": "je suis crevé, grosse journée"},
        "en": {
            "strong": [
                "sleep", "slept", "sleepy", "nap", "naps", "napping", "insomnia",
                "can't sleep", "cant sleep", "couldn't sleep", "no sleep", "so tired",
                "exhausted", "going to bed", "go to bed", "went to bed", "off to bed",
                "heading to bed", "bedtime", "hit the sack", "hit the hay", "zzz",
                "all nighter", "all-nighter",
                "night night", "nighty night", "sweet dreams",
                "tired af", "im tired", "i'm tired", "so sleepy", "drowsy", "sleepless", "i'm beat",
                "im beat", "so beat",
            ],
            "weak": ["tired", "sleeping", "bed", "good night", "goodnight", "gn", "dream", "dreams", "yawn*", "woke up", "wake up", "waking up", "dreamt", "dreamed", "stayed up", "staying up"],
        },
        "fr": {
            "strong": [
                "dormir", "dormi", "sommeil", "sieste", "fatigué", "fatiguée", "fatigue",
                "suis crevé", "suis crevée", "épuisé*", "nuit blanche", "insomnie*",
                "beaux rêves", "doux rêves", "mauvais rêve", "cauchemar*", "me coucher",
                "vais me coucher", "aller me coucher", "au dodo", "dodo", "je dors",
                "pas dormi", "bien dormi", "mort de fatigue", "suis ko", "complètement ko",
                "suis vidé|vidée|lessivé|lessivée|naze|claqué|claquée|épuisé|épuisée",
            ],
            "weak": ["crevé", "crevée", "dors", "dort", "bonne nuit", "lit", "rêve", "rêves", "réveil", "couché", "coucher", "réveillé*", "je me réveille", "levé tôt"],
        },
        "emoji": {"strong": "😴💤🛌🥱", "weak": "🌙"},
    },
    "weather": {
        "description": "Weather: rain, snow, heat, cold, storms, seasons.",
        "examples": {"en": "it's snowing like crazy here ❄️", "fr": "il pleut depuis trois jours"},
        "en": {
            "strong": [
                "weather", "rain", "raining", "rainy", "snow", "snowing", "snowy",
                "sunny", "storm*", "thunder*", "hurricane", "tornado", "heatwave",
                "heat wave", "humid", "freezing", "forecast", "foggy", "windy", "cloudy",
                "hot today", "hot outside", "hot out", "so hot here", "cold outside",
                "cold today", "cold here", "so cold", "<num> degrees", "below zero",
                "blizzard", "hail", "drizzle", "sunburn", "stay warm",
                "nice weather", "sun is out", "snowstorm", "snowed",
            ],
            "weak": ["cold", "summer", "winter", "spring", "autumn", "degrees", "grey", "gray", "sun", "outside", "warm", "chilly", "heat", "melting"],
        },
        "fr": {
            "strong": [
                "météo", "pluie", "pleut", "il a plu", "neige", "neiger", "orage*",
                "tempête", "canicule", "chaleur", "il fait chaud|froid|beau|moche|gris|frais|doux",
                "il fait * chaud|froid|beau|moche|gris|frais|doux|cold|hot", "ça caille", "ca caille",
                "fait une chaleur", "quel temps", "beau temps", "mauvais temps",
                "temps de chien|pourri|magnifique", "temps de merde", "<num> degrés",
                "brouillard", "grêle", "verglas", "crève de chaud|froid",
                "le soleil tape", "sous le soleil", "grand soleil", "il gèle", "gel",
                "pluvieux", "ensoleillé", "drache", "il drache",
            ],
            "weak": ["froid", "soleil", "degrés", "hiver", "vent", "gris", "chaud", "fraîche", "frais"],
        },
        "emoji": {"strong": "🌧⛈🌨❄☔🌦🌩🌪🌡⛅🌤🌥☃⛄", "weak": "☀🥶🌞"},
    },
    "health": {
        "description": "Health: illness, injuries, doctors, hospital, surgery, mental health.",
        "examples": {"en": "got the flu, stuck in bed all week 🤒", "fr": "rdv chez le médecin demain"},
        "en": {
            "strong": [
                "sick", "flu", "covid", "fever", "doctor", "doctors", "in the hospital",
                "in hospital", "surgery", "injury", "injured", "headache", "migraine",
                "meds", "medication", "therapy", "therapist", "mental health",
                "dentist", "allergies", "sore throat", "back pain", "my back hurts",
                "my back is killing me", "broke my leg|arm|wrist|ankle|foot|hand|finger|nose|toe", "broken leg", "broken arm",
                "get well", "feel better soon", "got a cold", "have a cold", "caught a cold", "antibiotics", "pharmacy", "the er", "emergency room", "cancer",
                "diabetes", "physio", "physical therapy",
                "anxiety", "depression", "panic attack*", "food poisoning", "stomach ache",
                "toothache", "chemo", "diagnosed", "x-ray", "sprained", "pulled a muscle",
                "hurt my back|knee|leg|ankle|shoulder|wrist|neck", "wisdom teeth", "wisdom tooth",
                "acl", "tore my", "torn ligament", "out of the hospital", "the doctor", "i'm ill", "im ill", "feeling ill",
            ],
            "weak": ["hospital", "pain", "hurts", "ill", "burnout", "recovering", "recovery", "stressed", "stress", "clinic", "appointment", "knee", "burnout", "nurse"],
        },
        "fr": {
            "strong": [
                "je suis malade", "suis tombé malade", "tombée malade", "grippe", "covid",
                "rhume", "enrhumé*", "fièvre", "médecin", "docteur", "chez le doc",
                "hôpital", "opération du|de", "opéré*", "blessé*", "blessure",
                "entorse", "fracture", "me suis cassé", "angine", "la crève", "mal de dos|tête|gorge|ventre|dents",
                "mal au|aux dos|ventre|genou|crâne|dents|cou|bras|dos|pied|cœur",
                "mal à la tête|gorge|jambe|cheville|main", "tendinite", "médicament*",
                "antibio*", "pharmacie", "thérapie", "psy", "dépression", "anxiété",
                "santé", "kiné", "dentiste", "urgences", "migraine", "gastro",
                "malade comme un chien", "malade comme une bête", "me suis tordu", "foulé la cheville",
                "tordu la cheville",
                "burn out", "burnout", "arrêt maladie", "en arrêt",
            ],
            "weak": ["malade", "douleur*", "mal", "stress", "stressé", "rdv"],
        },
        "emoji": {"strong": "🤒🤧😷💊🏥🩺🩹", "weak": "🤕"},
    },
    "cars": {
        "description": "Cars, motorbikes, driving, traffic, driving licence.",
        "examples": {"en": "just bought a new car 🚗", "fr": "ma voiture est encore au garage"},
        "en": {
            "strong": [
                "car", "cars", "truck", "trucks", "pickup truck", "motorcycle*", "motorbike*",
                "harley", "traffic", "tesla", "bmw", "mercedes", "porsche", "ferrari",
                "lamborghini", "lambo", "audi", "jeep", "mustang", "corvette", "camaro",
                "car wash", "speeding ticket", "driver's license", "drivers license",
                "road rage", "new ride", "oil change", "test drive",
                "dirt bike", "horsepower", "v8",
            ],
            "weak": ["driving", "drive", "drove", "engine", "garage", "bike", "highway", "trucker", "mechanic", "road"],
        },
        "fr": {
            "strong": [
                "voiture*", "bagnole", "nouvelle caisse", "ma caisse", "moto", "motos",
                "motard*", "scooter", "mon|ton|le|son|du|le|mon permis", "permis de conduire", "bouchons", "embouteillage*",
                "au garage", "tesla", "bmw", "mercedes", "porsche", "ferrari", "audi",
                "golf gti", "cabriolet", "bolide", "périph", "périphérique", "rocade", "en voiture", "mon code", "le code de la route",
                "code de la route",
            ],
            "weak": ["permis", "caisse", "conduire", "conduis", "rouler", "route", "autoroute", "garage", "routier"],
        },
        "emoji": {"strong": "🚗🚙🏍🚘🛻", "weak": "🏎🚚🛵"},
    },
    "holidays": {
        "description": "Holidays and celebrations: Christmas, New Year, Halloween, Valentine's Day...",
        "examples": {"en": "merry christmas babe 🎄", "fr": "tu fais quoi pour la saint valentin ?"},
        "en": {
            "strong": [
                "christmas", "xmas", "halloween", "valentine*", "new year", "new years",
                "new year's", "nye", "thanksgiving", "easter", "hanukkah", "diwali",
                "ramadan", "eid", "happy holidays", "the holidays", "4th of july",
                "fourth of july", "mother's day", "father's day", "st patrick*",
                "advent calendar", "santa", "christmas eve", "holiday season",
            ],
            "weak": ["holiday", "holidays", "festive"],
        },
        "fr": {
            "strong": [
                "noël", "halloween", "saint valentin", "st valentin", "nouvel an",
                "bonne année", "réveillon", "pâques", "fête des mères", "fête des pères",
                "14 juillet", "calendrier de l'avent", "père noël", "jour de l'an",
                "les fêtes", "bonnes fêtes",
            ],
            "weak": ["fêtes"],
        },
        "emoji": {"strong": "🎄🎅🎃🤶", "weak": "👻🎆🎇"},
    },
}

# --------------------------------------------------------------------------
# Traps: phrases consumed without scoring (matched before words, longest
# first, left to right; a longer positive phrase starting earlier wins).
# --------------------------------------------------------------------------
IGNORE: dict[str, list[str]] = {
    "en": [
        # someone else's hospital stay (see CLASSES["relative"])
        "my @relative is|was|s|has|got in hospital", "my @relative is|was|s|has|got in the hospital",
        "my @relative is|was|s|has|got been in hospital", "my @relative is|was|s|has|got been in the hospital",
        "my @relative is|was|s back in hospital", "my @relative is|was|s back in the hospital",
        # "nothing works" is a day going wrong, not a job
        "nothing works|worked|working", "everything works|worked", "something works|worked",
        # work as a verb
        "work it", "work it out", "all work out", "will work out", "ll work out",
        "work out fine|well|ok|okay", "didn't work out", "doesn't work out",
        "things work out", "work out for", "worked out for", "working out for",
        "nice|good|great|amazing|awesome|beautiful|fantastic|incredible work",
        "nice|good|great|amazing|awesome|fantastic|incredible job",
        "blow job", "blowjob", "hand job", "handjob", "job done", "your hard work",
        "work of art", "gets the job done", "works for me", "work for me",
        # feet/foot as a unit or idiom
        "<num> feet|foot|ft", "@num_word feet|foot", "cold feet", "on foot",
        "my feet wet", "foot the bill", "put my foot down", "on your toes",
        "on my toes", "head to toe|toes", "head to your toes", "toe curling",
        "curl my toes", "curl your toes", "toes curl*", "back on my feet", "on my feet",
        # cat / dog / kitty / pussy idioms and trap compounds
        "cat got your tongue", "cat and mouse", "doggy style", "doggystyle", "doggy",
        "pussy cat", "pussycat", "hot dogs", "top dog", "lucky dog", "dog days",
        # hot / cold / sick / tired / sleep as flirting or slang
        "that's sick", "thats sick", "sick of", "sick and tired", "tired of",
        "sleep with you|me", "sleeping with you|me", "slept with", "in bed with",
        "bed with you|me", "cold shower", "cold hearted", "out cold",
        # misc
        "game changer", "game over", "your game", "playing hard", "perfect match",
        "it's a match", "we matched", "up to date", "out of date", "to date",
        "release date", "due date", "every single", "single one", "a single",
        "time flies", "time flew", "movie star", "netflix and chill", "good enough to eat",
        "eat you", "eat you out", "eat me", "eat it", "eat that", "driving me crazy|nuts|wild|insane",
        "harley quinn", "drive me crazy|nuts|wild|insane", "fan club", "crush it",
        "crushing it", "party pooper", "dream job", "killing it", "heat of the moment",
        "in the heat", "good morning sunshine", "hey sunshine", "my sunshine",
        "in season", "photo set", "new set", "the set", "class act", "classy",
        "world class", "first class", "dream come true", "dream girl", "my dream",
        "in your dreams", "bedroom eyes", "school me", "old school", "new jersey",
        "a cancer", "im a cancer", "i'm cooked", "im cooked", "we're cooked",
        "so cooked", "you cooked", "a cold one", "ride or die", "show me",
        "props to", "sweat it", "no sweat", "listen to me", "music to my ears",
        "it's a date", "its a date", "your work", "of your work", "your hard work",
        "a snack", "whole snack", "such a snack",
    ],
    "fr": [
        # someone else's hospital stay; "squatter" (to hog: "il squatte mon clavier") is no squat
        "ma|mon @relative est|etait a l hopital", "ma|mon grand mere|pere est|etait a l hopital",
        "ma|mon @relative est|etait hospitalise*", "ma|mon grand mere|pere est|etait hospitalise*",
        "ma|mon @relative est|etait aux urgences", "ma|mon grand mere|pere est|etait aux urgences",
        "squatte|squattes|squattent|squatter|squatterait|squattait|squatté|squattée",
        "prendre son pied", "pris mon pied", "pris ton pied", "prend* * pied",
        "pri* * pied", "casse* les pieds", "casser les pieds", "à pied",
        "coup de pied", "coups de pied", "de la tête aux pieds", "des pieds à la tête",
        "mis les pieds", "mettre les pieds", "pied à terre", "au pied de la lettre",
        "t'es malade", "tu es malade", "de malade", "t'es chaude", "tu es chaude",
        "trop chaude", "bonne soirée", "bonne soiree", "passe une bonne soirée",
        "à la bourre", "je vais te manger", "te manger", "te dévorer", "faim de toi",
        "sur le chat", "dans le chat", "en chat", "le chat privé", "chat privé",
        "chat vidéo", "ta chatte", "sa chatte", "ma petite chatte", "dormir avec toi|moi",
        "coucher avec", "couché avec", "fatigué de", "fatiguée de", "fatigué d",
        "marre de", "corps de rêve", "de rêve", "mon rêve", "tu rêves", "je rêve de",
        "jeu dangereux", "jeu de mots", "jeux de mots", "le jeu en vaut",
        "jouer avec mes nerfs", "jouer avec moi", "joue avec moi",
        "on a matché", "star de cinéma", "actrice de film|cinéma|porno",
        "acteur de film|cinéma", "salle de bain*", "salle à manger", "salle de classe",
        "salle d'attente", "salle de cinéma", "salle de concert", "en haut",
        "plus bas", "au plus bas", "en bas", "là-bas", "la bas", "bas de",
        "bon travail", "ça marche", "mon soleil",
        "femme de ma vie", "en mode", "à la mode de", "séance photo", "shooting photo",
        "faire un tour", "chaud pour", "chaude pour", "t'es chaud", "trop chaud pour",
        "je crève d'envie", "en train de", "comme un chien", "comme une chienne", "au vol", "cours après", "pas mal",
        "au cours de", "des bas et des hauts", "à ta santé", "à votre santé",
        "c'est permis", "pas permis",
    ],
}

# --------------------------------------------------------------------------
# Context rules for single words (keyed by the lexicon entry that matched).
#   prev: words that, within `window` words before, cancel the match;
#   next: words that, right after, cancel the match;
#   prev_num: cancel when the previous word is a number ("6 feet").
# --------------------------------------------------------------------------
_WORK_VERB_CONTEXT = {
    "prev": {
        "it", "this", "that", "link", "app", "thing", "does", "did", "doesn", "didn",
        "won", "wont", "would", "should", "might", "doesnt", "didnt", "wouldn",
        "cant", "could", "couldn", "may", "must", "gonna", "trick", "plan", "idea",
        "magic", "that's", "will", "isn", "aren", "not", "how", "what", "still",
    },
    "window": 2,
    "next": {"on", "with", "together", "for", "it", "out", "wonders", "magic", "like", "of"},
}
CONTEXT: dict[str, dict] = {
    "work": _WORK_VERB_CONTEXT,
    "works": _WORK_VERB_CONTEXT,
    "working": _WORK_VERB_CONTEXT,
    "worked": _WORK_VERB_CONTEXT,
    "feet": {"prev_num": True, "prev": {"ft", "inches", "six", "few"}, "window": 1},
    "foot": {"prev_num": True, "prev": {"on", "one", "a"}, "window": 1, "next": {"the", "long", "tall", "away"}},
    "salle": {"next": {"de", "d", "a", "des", "du"}},
    "sleep": {"next": {"with", "over", "on"}},
    "tired": {"next": {"of"}},
    "job": {"prev": {"good", "nice", "great", "blow", "hand", "awesome", "amazing", "inside"}, "window": 1},
    "drink": {"prev": {"energy", "a"}, "window": 1, "next": {"water", "milk", "you", "me"}},
    "party": {"prev": {"third", "political"}, "window": 1},
    "office": {"prev": {"box", "post"}, "window": 1},
    "chat": {"next": {"prive", "video", "avec", "en"}},
    "ex": {"next": {"machina"}},
    "cat": {"next": {"ears", "ear", "eye", "eyes", "lingerie", "suit", "girl"}},
    "pets": {"next": {"peeve", "peeves", "name", "names"}},
    "pet": {"next": {"peeve", "peeves", "name", "names"}},
    "dress": {"next": {"up", "code"}},
    "studies": {"prev": {"case"}, "window": 1},
    "study": {"prev": {"case"}, "window": 1},
    "shift": {"next": {"key", "gears"}},
    "trip": {"prev": {"ego", "power", "guilt"}, "window": 1},
    "bra": {"next": {"vo"}},
    "lace": {"next": {"up"}},
    "heels": {"prev": {"head", "over"}, "window": 1},
    "school": {"prev": {"old"}, "window": 1},
    "rain": {"next": {"check"}},
    "sun": {"next": {"kissed"}},
    "nap": {"prev": {"cat"}, "window": 1},
    "jean": {"next": {"paul", "pierre", "luc", "marc", "michel", "claude"}},
}

# --------------------------------------------------------------------------
# Words whose meaning depends on the language.  Such a word only matches
# through the lexicon of the language it is read in (decided by the nearest
# function word before it — "mon chat" is French, "the chat" English — then
# by the `language` argument, then by the message's detected language).
# Every other word matches whatever language it appears in, so mixed
# English/French messages work.
# --------------------------------------------------------------------------
FALSE_FRIENDS: set[str] = {
    # word: meaning in en / meaning in fr
    "chat", "chats",    # chatting / cat
    "foot",             # foot (feet) / football
    "car",              # car / "because"
    "bras",             # bras (lingerie) / arm
    "string", "strings",  # string / thong
    "costume",          # costume (cosplay) / suit (fashion)
    "basket",           # basket / basketball
    "reunion",          # reunion / meeting (work)
    "body",             # body / bodysuit
    "pain",             # pain / bread
    "om",               # om / Olympique de Marseille
    "date",             # a date / a calendar date
    "uni",              # university / plain, united
    "bac",              # - / baccalaureate
    "son",              # son / sound
    "route",            # route / road
    "lit",              # lit (party) / bed
    "mode",             # mode / fashion
    "bu",               # - / drunk (past participle)
    "but",              # but / goal
    "vol",              # volume / flight
    "train",            # to train (fitness) / train (travel)
    "set",              # photo or lingerie set / tennis set
    "sole",             # sole (foot) / sole (fish)
    "course",           # course / race
    "note", "notes",    # note / grade
    "stage",            # stage / internship
    "gel",              # hair gel / frost
    "jean",             # - / Jean (first name)
    "pull",             # to pull / sweater
    "short",            # short / shorts
    "jul",              # July / the rapper Jul
    "pnl",              # profit and loss / the band PNL
    "patron",           # patron (supporter) / boss
    "animal",           # "you animal" / an animal
    "ensemble",         # group / lingerie set
    "partie",           # - / a game (round)
    "femme",            # femme (fatale) / woman, wife
    "sang",             # sang / blood
    "switch",           # to switch / Nintendo Switch
    "vent",             # to vent / wind
    "sweat",            # sweat (fitness) / sweatshirt (fashion)
    "bts",              # the band / a French diploma
    "bachelor",         # single man / bachelor's degree
    "chef",             # cook / boss
    "running",          # running (late...) / jogging
    "series",           # a series of / TV series
    "these",            # these / thèse (thesis)
    "ko",               # knockout / exhausted
    "hand",             # hand / handball
    "uno",              # - / the card game (en "uno" too, but rare)
    "couple",           # a couple of / a couple (relationship)
    "look",             # to look / an outfit ("ton look")
    "master",           # master / master's degree
    "licence",          # licence / bachelor's degree
    "pet",              # a pet / a fart
    "pub",              # a pub / an advert
    "race",             # a race / a breed
    "pretend",          # to pretend / prétend (claims)
}

# --------------------------------------------------------------------------
# Function words used to decide the language of a message / of a word.
# Words that exist in both languages (a, on, me, son, as...) are left out.
# --------------------------------------------------------------------------
STOPWORDS: dict[str, set[str]] = {
    "en": {
        "the", "you", "your", "youre", "i", "im", "is", "are", "and", "to", "my", "it",
        "of", "what", "do", "that", "this", "so", "just", "with", "for", "was", "have",
        "be", "can", "how", "get", "got", "u", "ur", "wanna", "gonna", "but", "at",
        "not", "tonight", "today", "hey", "hi", "did", "does", "if", "from", "all",
        "we", "they", "he", "she", "her", "his", "our", "be", "been", "would", "could",
        "should", "will", "let", "lets", "any", "new", "about", "an", "in", "by",
        "or", "up", "out", "when", "where", "who", "why", "very", "too", "really",
        "want", "need", "love", "like", "going", "go", "see", "say", "says", "rn",
        "ngl", "lol", "lmao", "babe", "omg", "there", "here", "some",
    },
    "fr": {
        "je", "tu", "il", "elle", "nous", "vous", "ils", "elles", "le", "la", "les",
        "un", "une", "des", "du", "de", "et", "est", "pas", "mon", "ma", "mes", "ton",
        "ta", "tes", "sa", "ses", "ce", "cette", "ces", "ca", "j", "qu", "que", "qui",
        "avec", "pour", "dans", "sur", "au", "aux", "suis", "fait", "trop", "quoi",
        "moi", "toi", "mais", "ou", "tres", "bien", "ai", "jsuis", "jveux", "c",
        "l", "en", "es", "sont", "etait", "avoir", "etre",
        "faire", "aussi", "encore", "deja", "ici", "voila", "ouais", "oui", "non",
        "merci", "salut", "coucou", "bonjour", "bonsoir", "vraiment", "tellement",
        "chez", "apres", "avant", "depuis", "notre", "votre", "leur", "quel", "quelle",
        "comment", "pourquoi", "quand", "mdr", "ptdr", "stp", "tkt", "jsp", "wesh",
        "ptn", "grave", "ouf", "petit", "petite",
    },
}

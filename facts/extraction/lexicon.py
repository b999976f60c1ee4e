"""Word lists of the extractor (English and French), all accent-folded and lowercase.

Kept small and closed on purpose: an open pattern ("I'm a <anything>") is where wrong facts come
from, so most patterns only accept a word that is listed here.
"""

# First names accepted after the weak introductions "I'm X", "X here", "je suis X", "c'est X".
# Explicit ones ("my name is X", "je m'appelle X") accept any word that is not a stopword.
FIRST_NAMES = set("""
aaron adam adrian aidan alan albert alex alexander alexandre alexis ali alan alfie amir andre andrew
andy angelo anthony antoine antonio arnaud arthur austin axel baptiste ben benjamin benoit bilal blake
bobby brad bradley brandon brendan brent brett brian bruce bruno bryan caleb cameron carl carlos cedric
charles charlie chris christian christophe christopher clement cody colin connor corentin craig curtis
cyril damien dan daniel danny dave david dennis derek diego dimitri dominic donald doug dougie dustin
dylan eddie edward eli elias elliot emile emmanuel enzo eric erik ethan etienne evan fabien fabrice
felix fernando florian francis francisco francois fred frederic gabriel gael gareth gary gavin geoffrey
george georges gerald gilles gordon greg gregory guillaume harry hassan hector henri henry hugo ian
ibrahim isaac ivan jack jackson jacob jacques jake james jamie jared jason javier jay jean jeff jeffrey
jeremy jeremie jerome jesse jim jimmy joe joel joey johan john johnny jon jonathan jordan jorge jose
joseph josh joshua juan jules julian julien justin kai karim karl keith ken kenny kevin kieran kyle
lamar lance larry laurent leo leon leonard liam logan loic lorenzo louis luc lucas luis luke lukas malik
manuel marc marcel marco marcus mario marius martin mathieu mathis matt matteo matthew matthias
maxime maximilien mehdi michael michel miguel mike milo mohamed mohammed morgan nathan nathaniel
neil nicholas nicolas niels noah noel nolan olivier omar oscar owen pablo pascal patrick paul pedro
pete peter phil philip philippe pierre quentin rafael raphael rayan raymond remi remy ricardo richard
rick ricky robert roberto robin rodrigo roger romain ronald ronan ruben russell ryan sacha salim sam
samir samuel scott sean sebastien sergio seth shane shawn simon stephane stephen steve steven stuart
sylvain tanguy terry theo thierry thomas tim timothee timothy toby todd tom tommy tony travis trevor
tristan troy tyler valentin victor vincent walter wayne wesley william xavier yann yanis yannick
yassine yohan youssef zach zachary
amanda amelie anna anne audrey camille caroline chloe claire clara elodie emilie emma eva jessica julie
laura lea lucie manon marie mathilde melanie nina pauline sarah sophie
""".split())

# Names that are also common words: accepted only when capitalised in the message.
AMBIGUOUS_NAMES = {"will", "mark", "bill", "frank", "rich", "joy", "hope", "grace", "sunny", "rob", "pat",
                   "ray", "may", "june", "art", "jack", "max", "chase", "hunter", "dean", "drew", "grant",
                   "guy", "miles", "nick", "pierre", "claire", "jean", "rose", "rick", "bobby", "gary", "jay",
                   "kai", "lance", "noel", "seth", "ken", "tim", "dan", "jim", "jon", "sam", "leo", "ian", "eli",
                   "ali", "paul", "martin", "morgan", "robin", "marc", "luc", "jules", "jordan", "austin"}

NOT_A_NAME = set("""
a an the so not also just really very too here there back now ok okay fine good great tired bored busy
sorry sure happy sad single married new old your you my me him her them it this that what who
hot horny hard home out on off in up down late early alive dead free done ready fan big huge
baby babe honey later tonight maybe when if whenever anytime soon again please pls lol haha
crazy tomorrow sometime asap anything whatever something everything someone nobody
""".split())

JOBS_EN = set("""
nurse doctor teacher engineer developer programmer electrician plumber mechanic carpenter driver
trucker chef cook waiter waitress bartender cashier accountant lawyer attorney firefighter fireman cop
soldier marine pilot paramedic emt pharmacist dentist vet veterinarian architect designer photographer
welder farmer rancher salesman manager barber hairdresser realtor banker consultant analyst scientist
professor lecturer guard janitor cleaner writer journalist musician artist dj streamer youtuber
surgeon therapist psychologist lineman machinist technician hygienist physiotherapist baker butcher
lifeguard coach trainer contractor roofer painter bricklayer mason miner fisherman logger sailor
mailman postman courier paralegal secretary receptionist clerk librarian chemist biologist physicist
officer detective sheriff deputy ranger corrections ceo cfo cto founder entrepreneur investor trader
broker underwriter auditor bookkeeper dispatcher operator foreman supervisor laborer labourer
handyman landscaper gardener caregiver nanny tutor counselor counsellor midwife radiographer
optician optometrist chiropractor mortician undertaker bouncer bodyguard valet porter concierge
""".split())
JOB_PHRASES_EN = {"truck driver", "delivery driver", "uber driver", "bus driver", "taxi driver", "lorry driver",
                  "software engineer", "police officer", "flight attendant", "security guard",
                  "construction worker", "personal trainer", "social worker", "real estate agent",
                  "graphic designer", "web developer", "data analyst", "data scientist", "lab tech",
                  "tattoo artist", "nurse practitioner", "dental hygienist", "stay at home dad",
                  "stay-at-home dad", "air traffic controller", "project manager", "sales rep",
                  "high school teacher", "middle school teacher", "school teacher", "elementary school teacher"}
# Modifiers that make "I'm a <modifier> <job>" something else than a job ("a big fan", "a lucky guy").
NOT_JOB_MODIFIERS = {"big", "huge", "lucky", "simple", "good", "bad", "nice", "real", "true", "hot", "sexy",
                     "professional", "proud", "happy", "sad", "horny", "lonely", "little", "great", "terrible",
                     "shy", "wannabe", "future", "former", "ex", "retired", "aspiring", "fake", "wanna"}

JOBS_FR = set("""
infirmier infirmiere medecin docteur prof professeur professeure enseignant enseignante instituteur
institutrice ingenieur ingenieure developpeur developpeuse dev electricien plombier mecanicien
menuisier charpentier routier chauffeur cuisinier cuisiniere chef serveur serveuse barman caissier
caissiere comptable avocat avocate pompier policier policiere flic gendarme militaire soldat pilote
ambulancier ambulanciere pharmacien pharmacienne dentiste veterinaire architecte graphiste photographe
macon soudeur agriculteur eleveur commercial commerciale vendeur vendeuse manager coiffeur coiffeuse
banquier banquiere consultant consultante chercheur chercheuse vigile ouvrier ouvriere ecrivain
journaliste musicien musicienne artiste coach livreur facteur technicien technicienne informaticien
kine kinesitherapeute psychologue psy educateur educatrice boulanger boulangere boucher plaquiste
couvreur carreleur peintre fonctionnaire cadre entrepreneur artisan patron interimaire aide-soignant
aide-soignante secretaire agent steward hotesse marin pecheur jardinier paysagiste nounou animateur
animatrice surveillant magasinier cariste manutentionnaire logisticien conducteur chauffagiste
""".split())
JOB_PHRASES_FR = {"chauffeur routier", "chauffeur de bus", "chauffeur de taxi", "agent de securite",
                  "aide soignant", "aide soignante", "agent immobilier", "chef d'entreprise", "conducteur de bus",
                  "coach sportif", "hotesse de l'air", "peintre en batiment", "chef de chantier",
                  "agent d'entretien", "chef cuisinier", "sapeur pompier", "sapeur-pompier"}

WORK_FIELDS = set("""
construction it tech finance healthcare retail sales marketing hospitality logistics education
insurance accounting banking law engineering nursing security transport transportation trucking
manufacturing oil gas mining real-estate software medicine pharma aviation media advertising
""".split()) | {"real estate", "the oil field", "oil and gas", "a hospital", "a warehouse", "a factory",
                "a bank", "a restaurant", "a school", "an office", "a garage", "a bar", "a hotel", "a shop",
                "a store", "a call center", "a prison", "a lab"}
WORK_FIELDS_FR = {"batiment", "btp", "informatique", "restauration", "sante", "commerce", "finance",
                  "immobilier", "logistique", "industrie", "hotellerie", "securite", "transport", "enseignement",
                  "armee", "banque", "assurance", "vente", "marketing", "telecoms", "aeronautique",
                  "automobile", "agriculture", "nettoyage", "grande distribution", "social", "medical"}

# --- places ---------------------------------------------------------------------------------
# folded name -> (canonical English name, IANA time zone or None when the country spans several)
COUNTRIES = {
    "france": ("France", "Europe/Paris"), "belgique": ("Belgium", "Europe/Brussels"),
    "belgium": ("Belgium", "Europe/Brussels"), "suisse": ("Switzerland", "Europe/Zurich"),
    "switzerland": ("Switzerland", "Europe/Zurich"), "canada": ("Canada", None),
    "usa": ("United States", None), "us": ("United States", None), "the us": ("United States", None),
    "the usa": ("United States", None), "the states": ("United States", None),
    "united states": ("United States", None), "the united states": ("United States", None),
    "america": ("United States", None), "etats-unis": ("United States", None),
    "etats unis": ("United States", None), "les etats-unis": ("United States", None),
    "uk": ("United Kingdom", "Europe/London"), "the uk": ("United Kingdom", "Europe/London"),
    "united kingdom": ("United Kingdom", "Europe/London"), "england": ("England", "Europe/London"),
    "angleterre": ("England", "Europe/London"), "scotland": ("Scotland", "Europe/London"),
    "ecosse": ("Scotland", "Europe/London"), "wales": ("Wales", "Europe/London"),
    "ireland": ("Ireland", "Europe/Dublin"), "irlande": ("Ireland", "Europe/Dublin"),
    "germany": ("Germany", "Europe/Berlin"), "allemagne": ("Germany", "Europe/Berlin"),
    "italy": ("Italy", "Europe/Rome"), "italie": ("Italy", "Europe/Rome"),
    "spain": ("Spain", "Europe/Madrid"), "espagne": ("Spain", "Europe/Madrid"),
    "portugal": ("Portugal", "Europe/Lisbon"), "netherlands": ("Netherlands", "Europe/Amsterdam"),
    "holland": ("Netherlands", "Europe/Amsterdam"), "pays-bas": ("Netherlands", "Europe/Amsterdam"),
    "pays bas": ("Netherlands", "Europe/Amsterdam"), "sweden": ("Sweden", "Europe/Stockholm"),
    "suede": ("Sweden", "Europe/Stockholm"), "norway": ("Norway", "Europe/Oslo"),
    "norvege": ("Norway", "Europe/Oslo"), "denmark": ("Denmark", "Europe/Copenhagen"),
    "danemark": ("Denmark", "Europe/Copenhagen"), "finland": ("Finland", "Europe/Helsinki"),
    "poland": ("Poland", "Europe/Warsaw"), "pologne": ("Poland", "Europe/Warsaw"),
    "austria": ("Austria", "Europe/Vienna"), "autriche": ("Austria", "Europe/Vienna"),
    "greece": ("Greece", "Europe/Athens"), "grece": ("Greece", "Europe/Athens"),
    "luxembourg": ("Luxembourg", "Europe/Luxembourg"), "monaco": ("Monaco", "Europe/Monaco"),
    "morocco": ("Morocco", "Africa/Casablanca"), "maroc": ("Morocco", "Africa/Casablanca"),
    "algeria": ("Algeria", "Africa/Algiers"), "algerie": ("Algeria", "Africa/Algiers"),
    "tunisia": ("Tunisia", "Africa/Tunis"), "tunisie": ("Tunisia", "Africa/Tunis"),
    "senegal": ("Senegal", "Africa/Dakar"), "ivory coast": ("Ivory Coast", "Africa/Abidjan"),
    "cote d'ivoire": ("Ivory Coast", "Africa/Abidjan"), "mexico": ("Mexico", None),
    "mexique": ("Mexico", None), "brazil": ("Brazil", None), "bresil": ("Brazil", None),
    "argentina": ("Argentina", "America/Argentina/Buenos_Aires"),
    "argentine": ("Argentina", "America/Argentina/Buenos_Aires"), "colombia": ("Colombia", "America/Bogota"),
    "colombie": ("Colombia", "America/Bogota"), "chile": ("Chile", "America/Santiago"),
    "chili": ("Chile", "America/Santiago"), "peru": ("Peru", "America/Lima"),
    "australia": ("Australia", None), "australie": ("Australia", None),
    "new zealand": ("New Zealand", "Pacific/Auckland"), "nouvelle-zelande": ("New Zealand", "Pacific/Auckland"),
    "japan": ("Japan", "Asia/Tokyo"), "japon": ("Japan", "Asia/Tokyo"), "china": ("China", "Asia/Shanghai"),
    "chine": ("China", "Asia/Shanghai"), "india": ("India", "Asia/Kolkata"), "inde": ("India", "Asia/Kolkata"),
    "philippines": ("Philippines", "Asia/Manila"), "thailand": ("Thailand", "Asia/Bangkok"),
    "thailande": ("Thailand", "Asia/Bangkok"), "south africa": ("South Africa", "Africa/Johannesburg"),
    "afrique du sud": ("South Africa", "Africa/Johannesburg"), "nigeria": ("Nigeria", "Africa/Lagos"),
    "israel": ("Israel", "Asia/Jerusalem"), "turkey": ("Turkey", "Europe/Istanbul"),
    "turquie": ("Turkey", "Europe/Istanbul"), "russia": ("Russia", None), "russie": ("Russia", None),
    "ukraine": ("Ukraine", "Europe/Kyiv"), "romania": ("Romania", "Europe/Bucharest"),
    "roumanie": ("Romania", "Europe/Bucharest"), "czech republic": ("Czech Republic", "Europe/Prague"),
    "hungary": ("Hungary", "Europe/Budapest"), "croatia": ("Croatia", "Europe/Zagreb"),
    "dubai": ("United Arab Emirates", "Asia/Dubai"), "singapore": ("Singapore", "Asia/Singapore"),
    "puerto rico": ("Puerto Rico", "America/Puerto_Rico"), "jamaica": ("Jamaica", "America/Jamaica"),
    "haiti": ("Haiti", "America/Port-au-Prince"), "guadeloupe": ("Guadeloupe", "America/Guadeloupe"),
    "martinique": ("Martinique", "America/Martinique"), "la reunion": ("Reunion", "Indian/Reunion"),
}

DEMONYMS = {
    "american": "United States", "canadian": "Canada", "british": "United Kingdom", "english": "England",
    "scottish": "Scotland", "irish": "Ireland", "welsh": "Wales", "french": "France", "german": "Germany",
    "italian": "Italy", "spanish": "Spain", "mexican": "Mexico", "brazilian": "Brazil",
    "australian": "Australia", "dutch": "Netherlands", "belgian": "Belgium", "swiss": "Switzerland",
    "portuguese": "Portugal", "polish": "Poland", "swedish": "Sweden", "norwegian": "Norway",
    "danish": "Denmark", "japanese": "Japan", "filipino": "Philippines", "indian": "India",
    "francais": "France", "francaise": "France", "belge": "Belgium", "canadien": "Canada",
    "canadienne": "Canada", "quebecois": "Canada", "quebecoise": "Canada", "marocain": "Morocco",
    "marocaine": "Morocco", "algerien": "Algeria", "algerienne": "Algeria", "tunisien": "Tunisia",
    "tunisienne": "Tunisia", "italien": "Italy", "italienne": "Italy", "espagnol": "Spain",
    "espagnole": "Spain", "portugais": "Portugal", "portugaise": "Portugal", "allemand": "Germany",
    "allemande": "Germany", "americain": "United States", "americaine": "United States",
    "senegalais": "Senegal", "senegalaise": "Senegal", "ivoirien": "Ivory Coast", "ivoirienne": "Ivory Coast",
}

# US states and a few regions: stored as `city` (the most precise place the fan gave).
REGIONS = {
    "alabama": "America/Chicago", "alaska": "America/Anchorage", "arizona": "America/Phoenix",
    "arkansas": "America/Chicago", "california": "America/Los_Angeles", "colorado": "America/Denver",
    "connecticut": "America/New_York", "delaware": "America/New_York", "florida": "America/New_York",
    "hawaii": "Pacific/Honolulu", "idaho": "America/Boise", "illinois": "America/Chicago",
    "indiana": "America/Indiana/Indianapolis", "iowa": "America/Chicago", "kansas": "America/Chicago",
    "kentucky": "America/New_York", "louisiana": "America/Chicago", "maine": "America/New_York",
    "maryland": "America/New_York", "massachusetts": "America/New_York", "michigan": "America/Detroit",
    "minnesota": "America/Chicago", "mississippi": "America/Chicago", "missouri": "America/Chicago",
    "montana": "America/Denver", "nebraska": "America/Chicago", "nevada": "America/Los_Angeles",
    "new hampshire": "America/New_York", "new jersey": "America/New_York", "new mexico": "America/Denver",
    "north carolina": "America/New_York", "north dakota": "America/Chicago", "ohio": "America/New_York",
    "oklahoma": "America/Chicago", "oregon": "America/Los_Angeles", "pennsylvania": "America/New_York",
    "rhode island": "America/New_York", "south carolina": "America/New_York", "south dakota": "America/Chicago",
    "tennessee": "America/Chicago", "texas": "America/Chicago", "utah": "America/Denver",
    "vermont": "America/New_York", "virginia": "America/New_York", "washington": "America/Los_Angeles",
    "west virginia": "America/New_York", "wisconsin": "America/Chicago", "wyoming": "America/Denver",
    "ontario": "America/Toronto", "quebec": "America/Toronto", "alberta": "America/Edmonton",
    "british columbia": "America/Vancouver", "bretagne": "Europe/Paris", "normandie": "Europe/Paris",
    "alsace": "Europe/Paris", "provence": "Europe/Paris", "corse": "Europe/Paris",
}

CITIES = {
    "paris": "Europe/Paris", "lyon": "Europe/Paris", "marseille": "Europe/Paris", "toulouse": "Europe/Paris",
    "nice": "Europe/Paris", "nantes": "Europe/Paris", "bordeaux": "Europe/Paris", "lille": "Europe/Paris",
    "rennes": "Europe/Paris", "strasbourg": "Europe/Paris", "montpellier": "Europe/Paris",
    "grenoble": "Europe/Paris", "rouen": "Europe/Paris", "toulon": "Europe/Paris", "dijon": "Europe/Paris",
    "reims": "Europe/Paris", "le havre": "Europe/Paris", "saint-etienne": "Europe/Paris",
    "brest": "Europe/Paris", "tours": "Europe/Paris", "metz": "Europe/Paris", "nancy": "Europe/Paris",
    "bruxelles": "Europe/Brussels", "brussels": "Europe/Brussels", "liege": "Europe/Brussels",
    "anvers": "Europe/Brussels", "geneve": "Europe/Zurich", "geneva": "Europe/Zurich",
    "lausanne": "Europe/Zurich", "zurich": "Europe/Zurich", "montreal": "America/Toronto",
    "quebec city": "America/Toronto", "toronto": "America/Toronto", "vancouver": "America/Vancouver",
    "calgary": "America/Edmonton", "ottawa": "America/Toronto", "london": "Europe/London",
    "londres": "Europe/London", "manchester": "Europe/London", "liverpool": "Europe/London",
    "birmingham": "Europe/London", "leeds": "Europe/London", "glasgow": "Europe/London",
    "edinburgh": "Europe/London", "dublin": "Europe/Dublin", "berlin": "Europe/Berlin",
    "munich": "Europe/Berlin", "hamburg": "Europe/Berlin", "madrid": "Europe/Madrid",
    "barcelona": "Europe/Madrid", "barcelone": "Europe/Madrid", "lisbon": "Europe/Lisbon",
    "lisbonne": "Europe/Lisbon", "rome": "Europe/Rome", "milan": "Europe/Rome",
    "amsterdam": "Europe/Amsterdam", "new york": "America/New_York", "nyc": "America/New_York",
    "brooklyn": "America/New_York", "boston": "America/New_York", "miami": "America/New_York",
    "atlanta": "America/New_York", "philadelphia": "America/New_York", "philly": "America/New_York",
    "orlando": "America/New_York", "tampa": "America/New_York", "detroit": "America/Detroit",
    "chicago": "America/Chicago", "houston": "America/Chicago", "dallas": "America/Chicago",
    "austin": "America/Chicago", "san antonio": "America/Chicago", "nashville": "America/Chicago",
    "new orleans": "America/Chicago", "minneapolis": "America/Chicago", "denver": "America/Denver",
    "phoenix": "America/Phoenix", "las vegas": "America/Los_Angeles", "vegas": "America/Los_Angeles",
    "los angeles": "America/Los_Angeles", "la": "America/Los_Angeles", "san diego": "America/Los_Angeles",
    "san francisco": "America/Los_Angeles", "seattle": "America/Los_Angeles",
    "portland": "America/Los_Angeles", "sacramento": "America/Los_Angeles", "honolulu": "Pacific/Honolulu",
    "sydney": "Australia/Sydney", "melbourne": "Australia/Melbourne", "brisbane": "Australia/Brisbane",
    "perth": "Australia/Perth", "auckland": "Pacific/Auckland", "tokyo": "Asia/Tokyo",
    "casablanca": "Africa/Casablanca", "alger": "Africa/Algiers", "tunis": "Africa/Tunis",
    "dakar": "Africa/Dakar", "abidjan": "Africa/Abidjan", "mexico city": "America/Mexico_City",
    "sao paulo": "America/Sao_Paulo", "rio": "America/Sao_Paulo", "buenos aires": "America/Argentina/Buenos_Aires",
}

# --- time zones -----------------------------------------------------------------------------
TZ_ABBREVIATIONS = {
    "est": "America/New_York", "edt": "America/New_York", "et": "America/New_York", "eastern": "America/New_York",
    "cst": "America/Chicago", "cdt": "America/Chicago", "ct": "America/Chicago", "central": "America/Chicago",
    "mst": "America/Denver", "mdt": "America/Denver", "mountain": "America/Denver",
    "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles", "pt": "America/Los_Angeles",
    "pacific": "America/Los_Angeles", "akst": "America/Anchorage", "hst": "Pacific/Honolulu",
    "gmt": "Europe/London", "bst": "Europe/London", "wet": "Europe/Lisbon", "cet": "Europe/Paris",
    "cest": "Europe/Paris", "eet": "Europe/Athens", "aest": "Australia/Sydney", "aedt": "Australia/Sydney",
    "jst": "Asia/Tokyo", "ist": "Asia/Kolkata", "utc": "UTC",
}

# --- pets -----------------------------------------------------------------------------------
SPECIES = {
    "dog": "dog", "dogs": "dog", "puppy": "dog", "puppies": "dog", "pup": "dog", "doggo": "dog",
    "pupper": "dog", "german shepherd": "dog", "golden retriever": "dog", "lab": "dog", "labrador": "dog",
    "husky": "dog", "pitbull": "dog", "pit bull": "dog", "bulldog": "dog", "french bulldog": "dog",
    "frenchie": "dog", "poodle": "dog", "chihuahua": "dog", "beagle": "dog", "corgi": "dog",
    "dachshund": "dog", "rottweiler": "dog", "boxer": "dog", "shih tzu": "dog", "yorkie": "dog",
    "cat": "cat", "cats": "cat", "kitten": "cat", "kittens": "cat", "kitty": "cat", "kitties": "cat",
    "bunny": "rabbit", "bunnies": "rabbit", "rabbit": "rabbit", "rabbits": "rabbit", "hamster": "hamster",
    "hamsters": "hamster", "parrot": "parrot", "parakeet": "bird", "bird": "bird", "birds": "bird",
    "fish": "fish", "goldfish": "fish", "turtle": "turtle", "tortoise": "turtle", "horse": "horse",
    "horses": "horse", "pony": "horse", "snake": "snake", "python": "snake", "lizard": "lizard",
    "gecko": "lizard", "bearded dragon": "lizard", "iguana": "lizard", "ferret": "ferret",
    "guinea pig": "guinea pig", "guinea pigs": "guinea pig", "rat": "rat", "rats": "rat",
    "chien": "dog", "chiens": "dog", "chienne": "dog", "chiot": "dog", "chiots": "dog", "toutou": "dog",
    "berger allemand": "dog", "chat": "cat", "chats": "cat", "chaton": "cat", "chatons": "cat",
    "minou": "cat", "lapin": "rabbit", "lapins": "rabbit", "perroquet": "parrot", "perruche": "bird",
    "oiseau": "bird", "oiseaux": "bird", "poisson": "fish", "poissons": "fish", "poisson rouge": "fish",
    "tortue": "turtle", "cheval": "horse", "chevaux": "horse", "jument": "horse", "serpent": "snake",
    "furet": "ferret", "cochon d'inde": "guinea pig", "lezard": "lizard",
}

# --- likes ----------------------------------------------------------------------------------
PLAYABLE = set("""
guitar piano drums bass violin cello saxophone sax trumpet ukulele keyboard harmonica flute
football soccer basketball baseball hockey tennis golf rugby volleyball cricket pool poker chess
darts bowling badminton squash softball lacrosse pickleball handball paintball airsoft
fortnite minecraft valorant warzone fifa madden overwatch apex roblox league dota wow
""".split()) | {"video games", "videogames", "games", "call of duty", "cod", "league of legends",
                "world of warcraft", "xbox", "playstation", "ps5", "the guitar", "the piano", "the drums",
                "pc games", "online games", "board games", "dnd", "d&d", "dungeons and dragons"}
ACTIVITIES = set("""
hiking fishing camping surfing skiing snowboarding hunting climbing running cycling biking swimming
dancing bowling golfing kayaking sailing skating skateboarding boxing jogging lifting yoga
""".split())
HOBBIES_FR = set("""
sport sports velo yoga boxe muscu musculation course running natation ski surf escalade danse musique
guitare piano batterie photo cuisine theatre randonnee rando foot football tennis basket judo karate
crossfit pilates moto peche chasse jardinage peinture dessin equitation golf rugby handball
skate roller plongee bricolage couture tricot poterie chant
""".split()) | {"jeux video", "jeux-video", "jeu video", "course a pied", "arts martiaux", "muay thai", "mma",
                "kick boxing", "kickboxing", "salle", "la salle"}

# --- events ---------------------------------------------------------------------------------
# folded phrase -> canonical event name; longest phrases are tried first.
EVENT_NOUNS = {
    "exam": "exam", "exams": "exam", "final": "exam", "finals": "exam", "final exam": "exam",
    "final exams": "exam", "midterm": "exam", "midterms": "exam", "test": "exam",
    "examen": "exam", "examens": "exam", "partiel": "exam", "partiels": "exam", "bac": "exam",
    "concours": "exam", "job interview": "job interview", "interview": "job interview",
    "entretien": "job interview", "entretien d'embauche": "job interview",
    "surgery": "surgery", "operation": "surgery", "appointment": "appointment", "appt": "appointment",
    "doctor's appointment": "doctor appointment", "doctors appointment": "doctor appointment",
    "doctor appointment": "doctor appointment", "dentist appointment": "dentist appointment",
    "dentist": "dentist appointment", "flight": "flight", "vol": "flight", "trip": "trip",
    "road trip": "trip", "voyage": "trip", "vacation": "vacation", "holiday": "vacation",
    "holidays": "vacation", "vacances": "vacation", "wedding": "wedding", "mariage": "wedding",
    "party": "party", "birthday party": "party", "soiree": "party", "fete": "party", "concert": "concert",
    "game": "game", "match": "game", "big game": "game", "date": "date", "rencard": "date",
    "presentation": "presentation", "expose": "presentation", "meeting": "meeting", "reunion": "meeting",
    "graduation": "graduation", "remise de diplome": "graduation", "driving test": "driving test",
    "permis": "driving test", "new job": "new job", "nouveau boulot": "new job",
    "nouveau travail": "new job", "nouveau job": "new job", "first day": "new job",
    "move": "moving", "demenagement": "moving",
}

# --- dates ----------------------------------------------------------------------------------
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
            "sunday": 6, "mon": 0, "tues": 1, "tue": 1, "wed": 2, "thurs": 3, "thu": 3, "fri": 4,
            "sat": 5, "sun": 6, "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4,
            "samedi": 5, "dimanche": 6}
MONTHS = {"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
          "august": 8, "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2,
          "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11,
          "dec": 12, "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
          "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "a couple of": 2, "a few": 3, "few": 3, "un": 1, "une": 1,
                "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9,
                "dix": 10, "quinze": 15}

"""Questions de relance en français, au vouvoiement, comme la plupart des marques : trois au plus par cas, chacune
envoyable telle quelle pour tout commentaire du cas."""

PEOPLE = {
    "mother_in_law": "votre belle-mère",
    "mother": "votre mère", "father": "votre père", "daughter": "votre fille", "son": "votre fils",
    "wife": "votre femme", "husband": "votre mari", "girlfriend": "votre copine",
    "boyfriend": "votre copain", "grandmother": "votre grand-mère", "grandfather": "votre grand-père",
    "sister": "votre sœur", "brother": "votre frère", "friend": "votre ami",
}

# What they enjoyed (bot/suggest/cases/stories.py: thing_kind), with the article and case the story_thing
# questions need
THINGS = {"workshop": "l'atelier", "tour": "la visite", "class": "les cours", "game": "le jeu", "book": "le livre",
          "app": "l'appli"}

BANK = {
    "question_howto_app": (
        "device|Vous êtes sur iPhone ou sur Android ? On pourra vous indiquer le bon menu.",
        "!device|Dites-nous si ça n'apparaît toujours pas. Vous avez quelle version de l'appli ?",
    ),
    "question_symptom": (
        "date|C'est comme ça depuis le début, ou seulement depuis peu ?",
    ),
    "question_choosing": (
        "person|À quoi va-t-il surtout servir pour {person} ? On pourra vous orienter vers le bon modèle.",
        "Vous comptez surtout l'utiliser pour quoi ? On pourra vous orienter vers le bon modèle.",
    ),
    "question_leaving": (
        "Dommage de vous voir partir. Vous voulez bien nous dire ce qui vous a décidé ?",
    ),
    "availability_restock": (
        "Vous voulez qu'on vous prévienne dès que c'est de retour ?",
    ),
    "availability_variant": (
        "person|À quoi va-t-il surtout servir pour {person} ? On pourra vous orienter vers le bon modèle.",
    ),
    "availability_release": (
        "Vous voulez qu'on vous prévienne dès qu'il y a du nouveau ?",
    ),
    "availability_reserve": (
        "group|Vous voulez qu'on vous garde les places ?",
        "Vous voulez qu'on vous fasse une réservation ?",
    ),
    "availability_store": (
        "Vous voulez qu'on vous mette votre taille de côté pour l'essayer ?",
    ),
    "availability_shipping": (
        "deadline|date|C'est pour quand ? On vous dira quelle livraison choisir.",
        "only_asks|Qu'aimeriez-vous commander ?",
    ),
    "availability_hours": (
        "Ce sera votre première visite ?",
        "Vous venez pour quelque chose en particulier ? On peut vous le préparer.",
    ),
    "problem": (
        "On est vraiment désolés. Vous pouvez nous envoyer les détails en message privé ? On regarde ça aujourd'hui.",
    ),
    "problem_letdown": (
        "Désolés que ça vous ait déçu. Qu'est-ce qui n'a pas marché comme vous l'attendiez ?",
        "Merci pour votre franchise. Qu'est-ce que vous en attendiez ?",
    ),
    "problem_delivery": (
        "order|On est désolés qu'elle ne soit toujours pas arrivée. Vous pouvez nous envoyer votre numéro de commande en message privé ? On relance aujourd'hui.",
        "unshipped|!order|On est vraiment désolés que ça prenne autant de temps. On vérifie aujourd'hui avec notre entrepôt : on vous écrit en message privé dès qu'on en sait plus ?",
        "!order|On est vraiment désolés que ça prenne autant de temps. On relance le transporteur aujourd'hui : on vous écrit en message privé dès qu'on a une réponse ?",
    ),
    "problem_damaged": (
        "On est vraiment désolés pour cette mauvaise surprise à la réception. Vous pouvez nous envoyer une photo en message privé ? On s'en occupe tout de suite.",
        "order|Quelle déception, désolés. Vous pouvez nous envoyer votre numéro de commande en message privé pour qu'on arrange ça ?",
    ),
    "problem_spoiled": (  # food that arrived cold, warm or thawed: no photo of what they threw away
        "order|On est vraiment désolés, ça n'aurait jamais dû arriver dans cet état. Vous pouvez nous envoyer votre numéro de commande en message privé pour qu'on arrange ça ?",
        "!order|On est vraiment désolés, ça n'aurait jamais dû arriver dans cet état. On vous écrit en message privé pour arranger ça aujourd'hui ?",
    ),
    "problem_wrong_item": (
        "On est vraiment désolés de l'erreur. Vous pouvez nous envoyer une photo de ce que vous avez reçu en message privé ?",
        "order|Désolés pour la confusion ! Vous pouvez nous envoyer votre numéro de commande en message privé ? On règle ça aujourd'hui.",
    ),
    "problem_billing": (
        "On est vraiment désolés. Vous pouvez nous envoyer la date du prélèvement en message privé ? On vérifie aujourd'hui.",
    ),
    "problem_ignored": (
        "order|On est vraiment désolés que personne ne vous ait répondu. Vous pouvez nous envoyer votre numéro de commande ou de dossier en message privé ? On s'en occupe nous-mêmes aujourd'hui.",
        "!order|On est vraiment désolés que personne ne vous ait répondu. On s'en occupe nous-mêmes aujourd'hui : on vous écrit en message privé dès qu'on en sait plus ?",
    ),
    "problem_price": (
        "change|Désolés que ce changement vous ait surpris. Quelle formule ou quel produit avez-vous ? On regarde ce qui vous convient le mieux.",
        "On comprend, et on est désolés. Qu'est-ce qui compte le plus pour vous chez nous ?",
    ),
    "problem_service": (
        "place|On est vraiment désolés, ça ne devrait pas se passer comme ça. C'était dans quel magasin ? On en parlera à l'équipe.",
        "Ce n'est pas l'expérience qu'on veut offrir, et on est désolés. Vous voulez bien nous en dire un peu plus ?",
    ),
    "problem_travel": (
        "On est vraiment désolés. Où en êtes-vous maintenant, et avez-vous besoin de quelque chose tout de suite ?",
        "Désolés pour tout ça. Vous pouvez nous envoyer votre numéro de réservation en message privé ? On regarde les solutions tout de suite.",
    ),
    "problem_app": (
        "error|Oh non, c'est vraiment frustrant, on est désolés ! Vous avez eu un message d'erreur ?",
        "device|C'est agaçant, désolés. Ça se passe sur quel téléphone ?",
    ),
    "problem_content": (
        "Désolés pour ça ! Vous écoutiez sur quelle appli ? On vérifiera le son de ce côté-là.",
    ),
    "problem_food": (
        "On est vraiment désolés, ce n'est pas ce qu'on veut vous servir. C'était dans quelle boutique ? On en parlera à l'équipe.",
    ),
    "result": (
        "Félicitations, c'est une sacrée réussite ! Qu'est-ce qui vous a demandé le plus d'efforts ?",
    ),
    "result_sport": (
        "Félicitations, c'est énorme ! C'est quoi votre prochain objectif ?",
    ),
    "result_habit": (
        "Bravo, c'est une vraie étape ! Qu'est-ce qui vous a le plus aidé à tenir sur la durée ?",
    ),
    "result_made": (
        "Bravo, quel beau résultat ! Qu'est-ce que vous comptez faire ensuite ?",
        "person|Trop bien ! Qu'en a pensé {person} ?",
    ),
    "thanks_grief": (
        "Toutes nos condoléances, et merci de nous l'avoir confié. Y a-t-il un passage qui vous a particulièrement marqué ?",
    ),
    "feedback_content": (
        "Merci pour ce retour honnête ! Vous écoutez plutôt d'une traite, ou en plusieurs fois ?",
    ),
    "feedback_disagree": (
        "Merci pour votre franchise ! Qu'est-ce que vous préfériez dans l'ancienne version ?",
    ),
    "praise": (
        "person|Merci ! Qu'est-ce qui a le plus plu à {person} ?",
    ),
    "praise_content": (
        "Merci, ravis que ça vous ait plu ! Quel passage vous a le plus marqué ?",
    ),
    "story_memory": (
        "person|Quel beau souvenir ! Qu'est-ce qui vous vient en premier quand vous pensez à {person} ?",
        "Quel beau souvenir, merci de le partager ! Qu'est-ce qui vous en reste le plus ?",
    ),
    "story_gift": (
        "person|assortment|Quelle belle idée ! Lequel a le plus plu à {person} jusqu'ici ?",
        "person|Quel joli cadeau ! Qu'est-ce qui plaît le plus à {person} ?",
    ),
    "story_engaged": (
        "Félicitations à tous les deux ! Vous avez déjà fixé une date ?",
    ),
    "collaboration": (
        "link|Merci d'avoir pensé à nous ! Vous pouvez nous envoyer le lien de votre chaîne ou de votre blog en message privé ? On y jettera un œil.",
        "Merci d'avoir pensé à nous, ça a l'air super ! Vous pouvez nous envoyer quelques détails sur votre idée en message privé, pour qu'on vous mette en contact avec la bonne personne ?",
    ),
    "collaboration_cause": (
        "date|Quelle belle initiative ! Vous la prévoyez pour quand ?",
        "event|Merci d'avoir pensé à nous ! Vous attendez combien de personnes à peu près ?",
        "Merci d'avoir pensé à nous, quelle belle initiative ! Vous pouvez nous envoyer quelques détails en message privé, pour qu'on vous mette en contact avec la bonne personne ?",
    ),
    "question_content": (
        "Bonne idée, merci ! Quels autres sujets aimeriez-vous qu'on aborde ?",
    ),
    "question_making": (
        "Vous l'avez déjà fait, ou c'est votre premier essai ?",
    ),
    "problem_fault": (
        "On est vraiment désolés, ça ne devrait pas arriver. Vous pouvez nous envoyer une photo en message privé ? On s'en occupe.",
        "date|C'est vraiment agaçant, on est désolés. Vous l'avez depuis combien de temps ?",
    ),
    "problem_fault_again": (
        "On est vraiment désolés, deux fois de suite, ce n'est pas normal. Vous pouvez nous envoyer une photo ou une courte vidéo en message privé ? On regarde ça de près.",
    ),
    "feedback_discontinued": (
        "On comprend, c'est dommage ! Qu'est-ce que vous aimiez le plus ?",
    ),
    "collaboration_stockist": (
        "Merci d'avoir pensé à nous ! Vous pouvez nous envoyer quelques infos sur votre activité en message privé ? On vous mettra en contact avec la bonne personne.",
    ),
    "problem_late": (
        "Désolés que ça ait pris autant de temps, ce n'est pas normal. À part ça, tout est en ordre ?",
    ),
    "problem_sizing": (
        "Désolés, c'est vraiment agaçant. C'était quel article ? On vérifiera le guide des tailles.",
    ),
    "problem_changed": (
        "Désolés que ça ne vous plaise plus autant. Qu'est-ce que vous préfériez dans l'ancienne version ?",
    ),
    "question_fit": (
        "Vous avez quel modèle en ce moment ? On vérifiera que ça convient.",
    ),
    "problem_refund": (
        "order|On est vraiment désolés que vous attendiez encore. Vous pouvez nous envoyer votre numéro de commande en message privé ? On relance aujourd'hui.",
        "!order|On est vraiment désolés que vous attendiez encore. On relance aujourd'hui : on vous écrit en message privé dès qu'on en sait plus ?",
    ),
    "story_grief": (
        "Toutes nos condoléances, et merci de partager ça avec nous. Si vous en avez envie, vous voudriez nous raconter un beau souvenir ?",
    ),
    "problem_not_received": (
        "Désolés que le colis ne vous soit pas parvenu. Un voisin ou un point relais aurait-il pu le réceptionner ?",
        "order|Désolés pour ça. Vous pouvez nous envoyer votre numéro de commande en message privé ? On vérifie avec le transporteur aujourd'hui.",
    ),
    "problem_courier": (
        "order|On est vraiment désolés. Vous pouvez nous envoyer votre numéro de commande en message privé ? On en parlera au transporteur.",
        "!order|On est vraiment désolés. On en parle au transporteur aujourd'hui : on vous écrit en message privé dès qu'on a une réponse ?",
    ),
    "thanks_class": (
        "staff|Ça fait plaisir à lire, on transmet à {staff} ! Qu'est-ce que vous aimez le plus dans les cours ?",
        "Ça fait plaisir à lire ! Qu'est-ce que vous aimez le plus dans les cours ?",
    ),
    "thanks_trial": (  # a first or trial lesson: no "the classes" they have not taken yet
        "staff|Ça nous fait très plaisir, on transmet à {staff} ! On vous revoit bientôt ?",
        "Ça nous fait très plaisir, on transmet à l'équipe ! On vous revoit bientôt ?",
    ),
    "question_fit_trip": (
        "Vous partez où ?",
    ),
    "question_fit_skin": (
        "Vous avez déjà eu des soucis avec des produits similaires ?",
    ),
    "availability_size": (
        "Si votre taille n'est pas en stock, voulez-vous qu'on vous prévienne dès qu'elle revient ?",
    ),
    "availability_wide": (
        "Vous voulez qu'on vous prévienne dès qu'une version large sort ?",
    ),
    "thanks_support": (
        "On est tellement contents que ça vous ait aidé à traverser ça, merci de nous le dire. Comment allez-vous maintenant ?",
    ),
    "praise_app": (
        "Merci, ça fait plaisir ! Qu'aimeriez-vous qu'elle fasse en plus ?",
    ),
    "story_kids": (
        "Ça fait vraiment plaisir ! Qu'est-ce qui leur a le plus plu ?",
    ),
    "story_thing": (
        "person|thing|Ça fait vraiment plaisir ! Qu'est-ce qui plaît le plus à {person} dans {thing} ?",
        "person|outing|Ça fait vraiment plaisir ! Qu'est-ce qui a le plus plu à {person} pendant {outing} ?",
    ),
    "thanks_person": (
        "person|On est tellement contents d'avoir pu aider ! Comment va {person} maintenant ?",
    ),
    "problem_missing": (
        "order|Désolés qu'il manque quelque chose. Vous pouvez nous envoyer votre numéro de commande en message privé ? On règle ça aujourd'hui.",
        "!order|Désolés qu'il manque quelque chose. On regarde votre commande aujourd'hui : on vous écrit en message privé dès qu'on en sait plus ?",
    ),
    "problem_reaction": (
        "Nous sommes vraiment désolés, ça a l'air très désagréable. Comment allez-vous maintenant ?",
    ),
    "problem_smaller": (
        "date|Désolés, et merci de nous le dire franchement. Quand l'avez-vous acheté, pour qu'on vérifie ce lot ?",
    ),
    "problem_wrong_day": (
        "On est vraiment désolés que ce ne soit pas arrivé le bon jour. On regarde ça aujourd'hui : on vous écrit en message privé dès qu'on sait ce qui s'est passé ?",
    ),
    "problem_limit": (
        "Désolés, on vous entend, et merci de le dire. Vous l'utilisez à quelle fréquence, d'habitude ?",
    ),
    "problem_ux": (
        "Désolés que ça vous ait compliqué les choses, et merci de nous le dire ! On transmet à l'équipe. Autre chose vous a freiné ?",
    ),
    "praise_named": (
        "Merci, ravis que ça vous ait plu ! De quoi aimeriez-vous qu'on parle la prochaine fois ?",
    ),
    "problem_not_as_pictured": (
        "Désolés que ça ne corresponde pas aux photos. Vous pouvez nous envoyer une photo de ce que vous avez reçu en message privé ?",
    ),
    "question_allergy": (
        "Y a-t-il d'autres allergies dont nous devrions tenir compte ?",
    ),
    "question_visit": (
        "date|Vous savez déjà quel jour vous comptez venir ?",
    ),
    "question_beginner": (
        "Vous venez avec quelqu'un ?",
    ),
    "question_gift": (
        "person|Qu'est-ce que {person} aime, en général ? On pourra vous aider à choisir.",
        "C'est un cadeau pour qui ? On pourra vous aider à choisir.",
    ),
    "question_fit_hair": (
        "À quoi ressemble votre routine capillaire en ce moment ?",
    ),
    "result_recovery": (
        "Quelle belle nouvelle, merci de l'avoir partagée avec nous ! Comment vous sentez-vous maintenant ?",
    ),
    "thanks_staff": (
        "staff|bike|Merci, on transmet tout de suite à {staff}, ça va faire très plaisir ! Comment roule le vélo maintenant ?",
        "staff|Merci, on transmet tout de suite à {staff}, ça va faire très plaisir ! Comment ça se passe depuis ?",
        "Merci, on transmet tout de suite à l'équipe, ça va faire très plaisir ! Comment ça se passe depuis ?",
    ),
    "collaboration_proposal": (
        "Merci d'avoir pensé à nous, ça a l'air super ! Vous pouvez nous envoyer quelques détails en message privé, pour qu'on vous mette en contact avec la bonne personne ?",
    ),
    "feedback_notifications": (
        "Merci pour ce retour, c'est vrai que ça fait beaucoup ! Si vous n'aviez qu'un seul rappel par jour, quelle heure vous conviendrait le mieux ?",
    ),
    "feedback_packaging": (
        "Merci de nous le signaler, vous avez raison ! Quelle partie de l'emballage vous a semblé la plus superflue ?",
    ),
    "praise_candle": (
        "Merci, ça nous fait très plaisir ! Quelle bougie allez-vous allumer ensuite ?",
    ),
    "praise_drink": (
        "Merci, ça nous fait très plaisir ! Vous le buvez comment, de préférence ?",
    ),
    "praise_bread": (
        "Merci, ça nous fait très plaisir ! Vous le mangez comment, de préférence ?",
    ),
    "result_plant": (
        "Ça fait plaisir à lire, merci pour les nouvelles ! Où se trouve la plante maintenant, près d'une fenêtre ?",
    ),
    "result_skincare": (
        "Ça fait plaisir à lire, merci de nous le dire ! Vous l'utilisez matin et soir, ou une seule fois par jour ?",
    ),
    "story_birthday": (
        "person|Quelle belle façon de fêter ça, joyeux anniversaire ! Quel âge a eu {person} ?",
    ),
}

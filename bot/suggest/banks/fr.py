"""Questions de relance en français, au vouvoiement, comme la plupart des marques."""

PEOPLE = {
    "mother": "votre mère", "father": "votre père", "daughter": "votre fille", "son": "votre fils",
    "wife": "votre femme", "husband": "votre mari", "girlfriend": "votre copine",
    "boyfriend": "votre copain", "grandmother": "votre grand-mère", "grandfather": "votre grand-père",
    "sister": "votre sœur", "brother": "votre frère"
}

# Questions about using what they have rather than choosing it: they get the question_using follow-ups.
USING = r"comment (?:je|faire|puis-je|on)|puis-je|est-ce que je peux|dois-je|où (?:trouver|puis-je trouver)|y a-t-il un moyen"
# Questions about choosing something: they get the question_choosing follow-ups.
CHOOSING = r"recommand\w*|différence|lequel|laquelle|adapté|convient|vaut le coup|taille|compatible|fonctionne avec|fait (?:avec|de|en)|assez grand|suffisant pour|bien pour"
# Questions about leaving (cancelling, closing an account): they get the question_leaving follow-ups.
LEAVING = r"résili|désabonn|annuler mon abonnement|supprimer mon compte"

BANK = {
    "question": (
        "Vous comptez l'utiliser pour quoi ? On pourra vous donner quelques conseils en plus.",
        "Qu'est-ce qui a éveillé votre intérêt ?",
        "C'est pour vous ou pour quelqu'un d'autre ?",
    ),
    "question_leaving": (
        "Nous sommes désolés de vous voir partir. Pouvez-vous nous dire ce qui a motivé votre décision ?",
        "Avant de partir : qu'aurions-nous pu mieux faire ?",
        "Vous a-t-il manqué quelque chose qui vous aurait fait rester ?",
    ),
    "question_choosing": (
        "person|À quoi servirait-il surtout pour {person} ? On pourra vous conseiller au mieux.",
        "Vous comptez l'utiliser surtout pour quoi ? Comme ça, on peut vous conseiller ce qui vous ira le mieux.",
        "C'est pour vous, ou vous cherchez quelque chose pour quelqu'un d'autre ?",
        "Qu'est-ce qui compte le plus pour vous dans votre choix ?",
        "Vous hésitez avec quel autre modèle ?",
    ),
    "question_using": (
        "Dites-nous comment ça s'est passé ! Sur quoi travaillez-vous en ce moment ?",
        "Comment ça se passe pour vous jusqu'ici ?",
        "Qu'aimeriez-vous réussir à faire avec ?",
        "Qu'aimeriez-vous essayer ensuite, une fois que ce sera réglé ?",
    ),
    "availability": (
        "person|À quoi servirait-il surtout pour {person} ? On pourra vous conseiller au mieux.",
        "Vous en auriez besoin pour quoi ? On peut vous proposer une alternative en attendant.",
        "Voulez-vous qu'on vous prévienne dès que c'est disponible ?",
        "Qu'est-ce qui vous plaît le plus dans ce modèle ?",
        "Comment l'avez-vous découvert ?",
    ),
    "availability_feature": (
        "Vous l'utiliseriez surtout pour quoi ? Ça nous aide beaucoup à le savoir.",
        "Comment faites-vous en attendant ?",
        "Comment ça s'intégrerait dans votre façon de faire actuelle ?",
    ),
    "availability_shipping": (
        "Qu'aimeriez-vous commander en premier ?",
        "C'est pour vous, ou vous voulez l'envoyer à quelqu'un en cadeau ?",
        "Vous connaissez déjà nos produits, ou ce serait votre première commande ?",
    ),
    "availability_hours": (
        "Vous venez pour quelque chose en particulier ? On peut vous le préparer.",
        "Ce serait votre première visite chez nous ?",
        "Voulez-vous qu'on vous mette quelque chose de côté ?",
    ),
    "problem_damaged": (
        "Je suis vraiment désolé que le colis soit arrivé ainsi. Qu'avez-vous constaté en l'ouvrant ?",
        "order|Ce n'est pas normal, toutes nos excuses. Pouvez-vous nous envoyer votre numéro de commande pour qu'on vous renvoie un article ?",
        "Quelle déception, désolé. Préférez-vous un remplacement ou un remboursement ?",
    ),
    "problem_price": (
        "increase|Désolé que ça vous paraisse trop cher. De quel produit ou de quelle formule s'agit-il, qu'on regarde ce qui vous convient le mieux ?",
        "change|Désolé que ce changement vous ait pris de court. Quel produit ou quelle formule utilisez-vous, qu'on regarde ce qui vous convient le mieux ?",
        "Je comprends votre agacement, désolé. Qu'est-ce qui compte le plus pour vous chez nous ?",
        "change|Désolé, une hausse de prix n'est jamais agréable. Voulez-vous qu'on vous explique ce qui a changé ?",
    ),
    "problem_billing": (
        "order|Je suis vraiment désolé. Pouvez-vous nous envoyer votre numéro de commande en message privé pour qu'on règle ça aujourd'hui ?",
        "date|Désolé pour ce souci. Quand l'avez-vous remarqué sur votre relevé ?",
        "Désolé que ça prenne autant de temps. Que vous a dit notre équipe la dernière fois, qu'on reprenne à partir de là ?",
    ),
    "problem_delivery": (
        "tracking|Je suis vraiment désolé que votre commande ne soit toujours pas arrivée. Qu'indique le suivi pour le moment ?",
        "order|Désolé pour cette attente, ce n'est pas normal. Pouvez-vous nous envoyer votre numéro de commande pour qu'on s'en occupe dès aujourd'hui ?",
        "C'est vraiment agaçant, toutes nos excuses. Pour quelle date en avez-vous besoin, qu'on essaie de tenir le délai ?",
    ),
    "problem_app": (
        "Désolé que l'appli vous pose problème. Que se passe-t-il à l'écran juste avant que ça bloque ?",
        "device|Toutes nos excuses pour ce souci. Sur quel appareil êtes-vous, et avec quelle version de l'appli ?",
        "date|update|C'est agaçant, désolé. Est-ce que ça a commencé après la dernière mise à jour ?",
        "Désolé pour ce désagrément. Qu'étiez-vous en train de faire quand c'est arrivé ?",
    ),
    "problem_ignored": (
        "Désolé que personne ne vous ait répondu. Sur quoi avez-vous encore besoin d'aide ? On s'en charge.",
        "Désolé pour ce silence, ce n'est pas normal. De quoi s'agit-il, pour qu'on règle ça maintenant ?",
        "Désolé pour cette longue attente. Préférez-vous qu'on règle ça ici ou en message privé ?",
    ),
    "problem_service": (
        "Je suis sincèrement désolé que vous ayez été traité ainsi. Pouvez-vous nous raconter ce qui s'est passé ?",
        "Ce n'est pas du tout l'accueil que nous voulons offrir, toutes nos excuses. Quand et où est-ce arrivé ?",
        "Toutes nos excuses. Dans quel magasin ou avec quelle équipe était-ce, qu'on puisse faire le point avec eux ?",
    ),
    "problem": (
        "Je suis vraiment désolé. Pouvez-vous nous en dire un peu plus, pour qu'on puisse arranger ça ?",
        "C'est décevant, toutes nos excuses. Qu'est-ce qui vous aiderait à tourner la page ?",
        "Désolé, ce n'est pas ce que vous devriez recevoir de notre part. Pouvez-vous nous dire de quel produit il s'agit, pour qu'on regarde ça ?",
    ),
    "result": (
        "person|Quelle belle réussite ! Qu'en a pensé {person} ?",
        "Bravo, c'est magnifique ! Qu'avez-vous envie d'essayer ensuite ?",
        "Qu'avez-vous ressenti quand tout s'est mis en place ?",
        "Y a-t-il une étape qui s'est révélée plus délicate que prévu ?",
    ),
    "story_gift": (
        "person|Quelle belle attention ! Qu'en a pensé {person} ?",
        "person|Comment a réagi {person} en l'ouvrant ?",
        "Qu'est-ce qui vous a fait choisir celui-ci ?",
        "occasion|C'était pour une occasion particulière ?",
    ),
    "story_memory": (
        "Merci de partager ce souvenir avec nous. Qu'est-ce qui vous a le plus marqué ?",
        "Quel joli souvenir ! C'est quelque chose que vous faites encore aujourd'hui ?",
        "Qu'est-ce qui rendait ce moment si spécial pour vous ?",
    ),
    "story": (
        "person|Quelle jolie histoire ! Qu'en a dit {person} ?",
        "person|Qu'en a pensé {person} ?",
        "Merci du partage ! Comment ça s'est passé ?",
        "Ça a l'air super ! Qu'est-ce qui vous en a donné l'idée ?",
        "On aimerait en savoir plus. Et ensuite, que s'est-il passé ?",
    ),
    "thanks": (
        "person|Avec plaisir ! Qu'en a pensé {person} ?",
        "Avec grand plaisir ! Qu'est-ce qui vous a le plus aidé ?",
        "Ravis d'avoir pu vous aider ! Pouvons-nous faire autre chose pour vous ?",
        "Ça nous fait très plaisir ! De quoi aimeriez-vous qu'on parle davantage ?",
    ),
    "praise_content": (
        "Merci, ravis que ça vous ait plu ! Qu'est-ce qui vous a le plus marqué ?",
        "De quoi aimeriez-vous qu'on parle la prochaine fois ?",
        "Y a-t-il un point que vous aimeriez qu'on approfondisse ?",
        "Comment l'avez-vous découvert ?",
    ),
    "praise": (
        "person|Merci beaucoup ! Qu'est-ce qui a le plus plu à {person} ?",
        "Merci, ça nous touche beaucoup ! Qu'est-ce qui vous plaît le plus ?",
        "Dans quelles occasions l'utilisez-vous le plus ?",
        "Qu'aimeriez-vous voir de notre part la prochaine fois ?",
    ),
    "feedback": (
        "Merci pour votre franchise ! Que changeriez-vous en premier ?",
        "C'est utile à entendre. Comment aimeriez-vous que ça fonctionne à la place ?",
        "Qu'est-ce qui vous a donné cette impression ? On aimerait bien comprendre.",
    ),
    "collaboration": (
        "Merci d'avoir pensé à nous ! Quel type de collaboration imaginez-vous ?",
        "Qui est votre communauté, et qu'est-ce qu'elle apprécie le plus ?",
        "À quoi ressemblerait une belle réussite pour vous ?",
    ),
    "fan_reply": (
        "Merci de donner un coup de main ! Comment ça s'est passé pour vous ?",
        "Quelle a été votre propre expérience ?",
        "Auriez-vous un conseil à ajouter pour ceux qui nous lisent ?",
    ),
    "noise": (
        "Merci de votre passage ! Qu'est-ce qui vous amène ici ?",
        "Qu'en avez-vous pensé ?",
        "Qu'aimeriez-vous voir de notre part la prochaine fois ?",
    ),
}

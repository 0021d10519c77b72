"""Perguntas de continuação em português (do Brasil), com "você", como as marcas costumam escrever."""

PEOPLE = {
    "mother": "sua mãe", "father": "seu pai", "daughter": "sua filha", "son": "seu filho",
    "wife": "sua esposa", "husband": "seu marido", "girlfriend": "sua namorada", "boyfriend": "seu namorado",
    "grandmother": "sua avó", "grandfather": "seu avô", "sister": "sua irmã", "brother": "seu irmão",
   
}

# Questions about using what they have rather than choosing it: they get the question_using follow-ups.
USING = r"como (?:faço|posso|eu|se)|posso usar|devo|onde (?:encontro|acho)|tem como"
# Questions about choosing something: they get the question_choosing follow-ups.
CHOOSING = r"recomend\w*|diferença|qual (?:vocês|é melhor)|adequad\w*|serve para|vale a pena|tamanho|compatível|funciona com|feito (?:com|de)|suficiente|bom para"
# Questions about leaving (cancelling, closing an account): they get the question_leaving follow-ups.
LEAVING = r"cancelar|excluir minha conta"

BANK = {
    "question": (
        "Assim a gente passa mais umas dicas: para que você pretende usar?",
        "O que despertou seu interesse?",
        "É para você ou para outra pessoa?",
    ),
    "question_leaving": (
        "Que pena que você vai embora. Pode contar o que te fez decidir?",
        "Antes de ir: o que poderíamos ter feito melhor?",
        "Faltou alguma coisa que teria feito você ficar?",
    ),
    "question_choosing": (
        "person|Para que {person} usaria mais? Assim a gente indica o que combina melhor.",
        "Assim a gente indica o que combina melhor: você vai usar principalmente para quê?",
        "É para você ou está procurando algo para outra pessoa?",
        "O que é mais importante para você na hora de escolher?",
        "Com qual outra opção você está comparando?",
    ),
    "question_using": (
        "Depois conta pra gente como ficou! Em que você está usando agora?",
        "Como está sendo até agora?",
        "O que você gostaria de conseguir fazer com ele?",
        "O que você gostaria de testar depois que isso estiver resolvido?",
    ),
    "availability": (
        "person|Para que {person} usaria mais? Assim a gente indica o que combina melhor.",
        "Assim sugerimos uma alternativa enquanto isso: para que você precisa?",
        "Quer que a gente avise assim que estiver disponível?",
        "O que você mais gostou nesse modelo?",
        "Como você conheceu a gente?",
    ),
    "availability_feature": (
        "Para que você usaria mais? Ajuda muito a gente saber.",
        "Como você está se virando enquanto isso?",
        "Como isso se encaixaria no seu jeito de trabalhar hoje?",
    ),
    "availability_shipping": (
        "O que você gostaria de pedir primeiro?",
        "É para você ou quer mandar de presente para alguém?",
        "Você já conhece nossos produtos ou seria seu primeiro pedido?",
    ),
    "availability_hours": (
        "Você vem buscar algo em especial? Quer que a gente deixe separado?",
        "Seria sua primeira visita?",
        "Quer que a gente guarde alguma coisa para você?",
    ),
    "problem_damaged": (
        "Sinto muito que chegou assim. O que você encontrou ao abrir a caixa?",
        "order|Não era para chegar assim, desculpe. Pode mandar o número do pedido para enviarmos outro?",
        "Que decepção, pedimos desculpas. Você prefere a troca ou o reembolso?",
    ),
    "problem_price": (
        "increase|Sentimos muito que esteja caro para você. De qual produto ou plano estamos falando, para vermos o que combina melhor?",
        "change|Sentimos muito que a mudança tenha pegado você de surpresa. Qual produto ou plano você usa, para vermos o que combina melhor?",
        "Entendo a frustração, desculpe. O que é mais importante para você no que oferecemos?",
        "change|Desculpe, sabemos que aumento de preço nunca é bem-vindo. Quer que a gente explique o que mudou?",
    ),
    "problem_billing": (
        "order|Sinto muito mesmo. Pode mandar o número do pedido por mensagem privada para resolvermos hoje?",
        "date|Desculpe o transtorno. Quando você notou isso pela primeira vez na fatura?",
        "Sinto muito pela demora. O que nossa equipe te disse da última vez, para a gente continuar de lá?",
    ),
    "problem_delivery": (
        "tracking|Sinto muito que seu pedido ainda não chegou. O que o rastreio está mostrando agora?",
        "order|Desculpe a demora, não era para ser assim. Pode mandar o número do pedido para a gente verificar hoje mesmo?",
        "Que chato, sentimos muito. Até quando você precisa receber, para tentarmos chegar a tempo?",
    ),
    "problem_app": (
        "Sentimos muito que o app esteja dando problema. O que aparece na tela logo antes de falhar?",
        "device|Desculpe o transtorno. Qual aparelho você usa e qual versão do app está instalada?",
        "date|update|Que chato, desculpe. Começou depois da última atualização?",
        "Desculpe o transtorno. O que você estava tentando fazer quando aconteceu?",
    ),
    "problem_ignored": (
        "Desculpe ninguém ter respondido. Com o que você ainda precisa de ajuda? A gente cuida disso agora.",
        "Desculpe o silêncio, não era para ser assim. Do que se trata, para a gente resolver agora?",
        "Sinto muito pela espera tão longa. Prefere resolver por aqui ou por mensagem privada?",
    ),
    "problem_service": (
        "Sinto muito que você tenha sido tratado assim. Pode contar o que aconteceu, para a gente resolver?",
        "Não é a experiência que queremos para ninguém, desculpe. Quando e onde isso aconteceu?",
        "Sentimos muito. Em qual loja ou com qual equipe foi, para a gente conversar com eles?",
    ),
    "problem": (
        "Sinto muito mesmo. Pode contar um pouco mais, para a gente resolver?",
        "Que decepção, pedimos desculpas. O que podemos fazer para resolver isso para você?",
        "Desculpe, não é isso que você deveria receber da gente. Pode dizer qual foi o produto, para a gente verificar?",
    ),
    "result": (
        "person|Que demais! O que {person} achou?",
        "Parabéns, ficou incrível! O que você quer experimentar agora?",
        "Como foi a sensação quando tudo deu certo?",
        "Teve alguma etapa mais difícil do que você esperava?",
    ),
    "story_gift": (
        "person|Que presente lindo! O que {person} achou?",
        "person|Como {person} reagiu ao abrir?",
        "O que fez você escolher esse?",
        "occasion|Era para uma ocasião especial?",
    ),
    "story_memory": (
        "person|Que lembrança linda! Do que você mais se lembra de {person}?",
        "Obrigado por compartilhar com a gente. Do que você mais se lembra?",
        "Que lembrança linda! É algo que você ainda faz hoje?",
        "O que tornava isso tão especial para você?",
    ),
    "story": (
        "person|Que lindo! O que {person} disse?",
        "person|O que {person} achou?",
        "Obrigado por compartilhar! Como ficou?",
        "Que lindo! O que te deu a ideia?",
        "Adoraríamos saber mais. O que aconteceu depois?",
    ),
    "thanks": (
        "person|Imagina! O que {person} achou?",
        "Por nada! O que mais te ajudou?",
        "Que bom que conseguimos ajudar! Podemos fazer mais alguma coisa por você?",
        "Adoramos ler isso! Do que você gostaria de ver mais por aqui?",
    ),
    "praise_content": (
        "Obrigado, que bom que você gostou! Qual parte mais marcou você?",
        "Sobre o que você gostaria que a gente falasse na próxima?",
        "Tem algum ponto que você gostaria que a gente aprofundasse?",
        "Como você chegou até ele?",
    ),
    "praise": (
        "person|Muito obrigado! Do que {person} mais gostou?",
        "Muito obrigado, ficamos muito felizes! Do que você mais gosta?",
        "Em que momentos você mais usa?",
        "O que você gostaria de ver da gente nas próximas vezes?",
    ),
    "feedback": (
        "Obrigado pela sinceridade! O que você mudaria primeiro?",
        "É muito útil saber disso. Como você gostaria que funcionasse?",
        "O que te deu essa impressão? Queremos entender direitinho.",
    ),
    "collaboration": (
        "Obrigado por pensar na gente! Que tipo de parceria você tem em mente?",
        "Como é o seu público e do que ele mais gosta?",
        "O que seria um resultado ideal para você?",
    ),
    "fan_reply": (
        "Obrigado por ajudar! Como foi para você?",
        "Qual foi a sua experiência?",
        "Você acrescentaria alguma dica para quem está lendo?",
    ),
    "noise": (
        "Obrigado pela visita! O que te trouxe aqui?",
        "O que você achou?",
        "O que você gostaria de ver da gente nas próximas vezes?",
    ),
}

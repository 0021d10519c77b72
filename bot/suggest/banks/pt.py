"""Perguntas de continuação em português, escritas para servir no Brasil e em Portugal: sem "você" nem "tu", com o
verbo na terceira pessoa e "o seu"/"a sua", como se escreve com cortesia nos dois lados. No máximo três por caso,
cada uma pronta a enviar tal como está para qualquer comentário do caso."""

PEOPLE = {
    "mother_in_law": "a sua sogra",
    "mother": "a sua mãe", "father": "o seu pai", "daughter": "a sua filha", "son": "o seu filho",
    "wife": "a sua esposa", "husband": "o seu marido", "girlfriend": "a sua namorada",
    "boyfriend": "o seu namorado", "grandmother": "a sua avó", "grandfather": "o seu avô", "sister": "a sua irmã",
    "brother": "o seu irmão", "friend": "a sua amiga",
}

PEOPLE_TO = {  # "a" with the same people: "à sua namorada", "ao seu pai"
    "mother_in_law": "à sua sogra",
    "mother": "à sua mãe", "father": "ao seu pai", "daughter": "à sua filha", "son": "ao seu filho",
    "wife": "à sua esposa", "husband": "ao seu marido", "girlfriend": "à sua namorada",
    "boyfriend": "ao seu namorado", "grandmother": "à sua avó", "grandfather": "ao seu avô", "sister": "à sua irmã",
    "brother": "ao seu irmão", "friend": "à sua amiga",
}

# What they enjoyed (bot/suggest/cases/stories.py: thing_kind), with the article and case the story_thing
# questions need
THINGS = {"workshop": "no workshop", "tour": "na visita", "class": "nas aulas", "game": "no jogo", "book": "no livro"}

BANK = {
    "question_howto_app": (
        "device|Usa iPhone ou Android? Assim indicamos o menu certo.",
        "!device|Avise se continuar sem aparecer. Qual é a versão do app?",
    ),
    "question_symptom": (
        "date|Está assim desde o início ou começou há pouco tempo?",
    ),
    "question_choosing": (
        "person|Para que {person} vai usar mais? Assim indicamos o ideal.",
        "Para que vai usar mais? Assim indicamos o que faz mais sentido.",
    ),
    "question_leaving": (
        "Que pena! Pode contar o que levou a essa decisão?",
    ),
    "availability_restock": (
        "Quer que avisemos assim que houver reposição?",
    ),
    "availability_variant": (
        "person|Para que {person} vai usar mais? Assim indicamos o ideal.",
    ),
    "availability_release": (
        "Quer que avisemos assim que houver novidades?",
    ),
    "availability_reserve": (
        "group|Querem que guardemos os lugares?",
        "Quer que façamos uma reserva?",
    ),
    "availability_store": (
        "Quer que guardemos o seu tamanho na loja para experimentar?",
    ),
    "availability_shipping": (
        "deadline|date|Para quando precisaria? Assim dizemos como fazer chegar a tempo.",
        "only_asks|O que gostaria de encomendar?",
    ),
    "availability_hours": (
        "Vai ser a primeira visita?",
        "Vem por alguma coisa em especial? Podemos deixar tudo pronto.",
    ),
    "problem": (
        "Lamentamos muito. Pode mandar os detalhes por mensagem privada? Vamos ver isso hoje mesmo.",
    ),
    "problem_letdown": (
        "Lamentamos que não tenha correspondido. O que não funcionou como esperava?",
        "Obrigado pela sinceridade. O que esperava encontrar?",
    ),
    "problem_delivery": (
        "order|Lamentamos que ainda não tenha chegado. Pode mandar o número do pedido por mensagem privada? Vamos verificar hoje mesmo.",
        "unshipped|!order|Lamentamos muito a demora. Vamos verificar hoje mesmo com o nosso armazém: podemos mandar uma mensagem privada assim que tivermos novidades?",
        "!order|Lamentamos muito a demora. Vamos falar hoje mesmo com a transportadora: podemos mandar uma mensagem privada assim que tivermos novidades?",
    ),
    "problem_damaged": (
        "Lamentamos muito que tenha chegado assim. Pode mandar uma foto por mensagem privada? Resolvemos isso já.",
        "order|Lamentamos muito. Pode mandar o número do pedido por mensagem privada para resolvermos?",
    ),
    "problem_spoiled": (  # food that arrived cold, warm or thawed: no photo of what they threw away
        "order|Lamentamos muito, nunca devia ter chegado assim. Pode mandar o número do pedido por mensagem privada para resolvermos?",
        "!order|Lamentamos muito, nunca devia ter chegado assim. Podemos falar por mensagem privada para resolver isso ainda hoje?",
    ),
    "problem_wrong_item": (
        "Lamentamos muito, o erro foi nosso. Pode mandar por mensagem privada uma foto do que chegou?",
        "order|Desculpe a troca! Pode mandar o número do pedido por mensagem privada? Resolvemos hoje.",
    ),
    "problem_billing": (
        "Lamentamos muito. Pode mandar por mensagem privada a data da cobrança? Verificamos hoje mesmo.",
    ),
    "problem_ignored": (
        "order|Lamentamos muito que ninguém tenha respondido. Pode mandar por mensagem privada o número do pedido ou do chamado? Vamos acompanhar hoje mesmo.",
        "!order|Lamentamos muito que ninguém tenha respondido. Vamos tratar disso nós mesmos hoje: podemos mandar uma mensagem privada assim que soubermos mais?",
    ),
    "problem_price": (
        "change|Lamentamos que a mudança tenha sido uma surpresa. Que plano ou produto tem? Vemos o que faz mais sentido.",
        "Compreendemos, e lamentamos. O que é mais importante naquilo que oferecemos?",
    ),
    "problem_service": (
        "place|Lamentamos muito, não devia ser assim. Em que loja foi? Vamos falar com a loja.",
        "Não é a experiência que queremos para ninguém, lamentamos. Pode contar um pouco mais?",
    ),
    "problem_travel": (
        "Lamentamos muito. Onde está agora? Precisa de alguma coisa com urgência?",
        "Desculpe por tudo isso. Pode mandar o código da reserva por mensagem privada? Vemos já as alternativas.",
    ),
    "problem_app": (
        "error|Que chatice, lamentamos muito! Apareceu alguma mensagem de erro?",
        "device|Lamentamos o transtorno. Em que celular acontece?",
    ),
    "problem_content": (
        "Lamentamos! Em que app ouviu o episódio? Assim verificamos o volume lá.",
    ),
    "problem_food": (
        "Lamentamos muito, não é isso que queremos servir. Em que loja os comprou?",
    ),
    "result": (
        "Parabéns, que conquista! Qual foi a parte mais difícil?",
    ),
    "result_sport": (
        "Parabéns, que feito! Qual é o próximo objetivo?",
    ),
    "result_habit": (
        "Parabéns, é uma grande conquista! O que mais ajudou a não desistir?",
    ),
    "result_made": (
        "Parabéns, que resultado lindo! O que pensa fazer a seguir?",
        "person|Que orgulho! O que {person} achou?",
    ),
    "thanks_grief": (
        "Lamentamos muito a sua perda, e obrigado por nos contar. Houve alguma parte que tocou mais?",
    ),
    "feedback_content": (
        "Obrigado pelo comentário sincero! Costuma ouvir tudo de uma vez ou em várias partes?",
    ),
    "feedback_disagree": (
        "Obrigado pela sinceridade! Do que gostava mais na versão antiga?",
    ),
    "praise": (
        "person|Obrigado! Do que {person} mais gostou?",
    ),
    "praise_content": (
        "Obrigado, ainda bem que gostou! Qual foi a parte de que mais gostou?",
    ),
    "story_memory": (
        "Que memória tão bonita, obrigado por contar! Do que se lembra mais desses tempos?",
    ),
    "story_gift": (
        "person|assortment|Que presente bonito! De qual {person} gostou mais até agora?",
        "person|Que presente bonito! Do que {person} mais gosta?",
    ),
    "story_engaged": (
        "Parabéns aos dois! Já marcaram a data?",
    ),
    "collaboration": (
        "link|Obrigado por pensar em nós! Pode mandar por mensagem privada o link do seu canal ou blog? Vamos dar uma olhada.",
        "Obrigado por pensar em nós, parece ótimo! Pode mandar alguns detalhes da ideia por mensagem privada? Assim encaminhamos para a pessoa certa.",
    ),
    "collaboration_cause": (
        "date|Que bela iniciativa! Para quando estão planejando?",
        "event|Obrigado por pensarem em nós! Quantas pessoas esperam, mais ou menos?",
        "Obrigado por pensarem em nós, que bela iniciativa! Podem mandar alguns detalhes por mensagem privada? Assim encaminhamos para a pessoa certa.",
    ),
    "question_content": (
        "Boa ideia, obrigado! Sobre o que mais gostaria que falássemos?",
    ),
    "question_making": (
        "Já fez antes ou é a primeira vez?",
    ),
    "problem_fault": (
        "Lamentamos muito, isso não devia acontecer. Pode mandar uma foto por mensagem privada? Vamos resolver.",
        "date|Lamentamos muito, que frustrante. Há quanto tempo tem o produto?",
    ),
    "problem_fault_again": (
        "Lamentamos muito, duas vezes seguidas não pode ser. Pode mandar uma foto ou um vídeo curto por mensagem privada? Vamos analisar com atenção.",
    ),
    "feedback_discontinued": (
        "Entendemos, é uma pena! Do que mais gostava?",
    ),
    "collaboration_stockist": (
        "Obrigado por pensar em nós! Pode mandar por mensagem privada algumas informações sobre o negócio? Assim pomos em contato com a pessoa certa.",
    ),
    "problem_late": (
        "Lamentamos a demora, não é a espera que queremos para ninguém. Está tudo certo com o resto?",
    ),
    "problem_sizing": (
        "Lamentamos, que frustrante. Qual foi o artigo? Assim verificamos a tabela de medidas.",
    ),
    "problem_changed": (
        "Lamentamos que já não goste tanto. Do que mais gostava na versão antiga?",
    ),
    "question_fit": (
        "Qual modelo tem neste momento? Assim confirmamos que é compatível.",
    ),
    "problem_refund": (
        "order|Lamentamos muito que ainda esteja à espera. Pode mandar o número do pedido por mensagem privada? Vamos verificar hoje mesmo.",
        "!order|Lamentamos muito que ainda esteja à espera. Vamos verificar hoje mesmo: podemos mandar uma mensagem privada assim que tivermos novidades?",
    ),
    "story_grief": (
        "Lamentamos muito a sua perda, e obrigado por nos contar. Se quiser, partilha connosco uma boa recordação?",
    ),
    "problem_not_received": (
        "Lamentamos que não tenha chegado. Será que algum vizinho ou a portaria recebeu?",
        "order|Desculpe. Pode mandar o número do pedido por mensagem privada? Verificamos hoje com a transportadora.",
    ),
    "problem_courier": (
        "order|Lamentamos muito. Pode mandar o número do pedido por mensagem privada? Vamos falar com a transportadora.",
        "!order|Lamentamos muito. Vamos falar hoje mesmo com a transportadora: podemos mandar uma mensagem privada assim que tivermos novidades?",
    ),
    "thanks_class": (
        "staff|Que bom saber, vamos passar a mensagem a {staff}! O que mais gosta nas aulas?",
        "Que bom saber! O que mais gosta nas aulas?",
    ),
    "thanks_trial": (  # a first or trial lesson: no "the classes" they have not taken yet
        "staff|Que bom, vamos passar a mensagem a {staff}! Vemo-nos em breve?",
        "Que bom, vamos passar a mensagem à equipa! Vemo-nos em breve?",
    ),
    "question_fit_trip": (
        "Para onde vai?",
    ),
    "question_fit_skin": (
        "Já teve problemas com produtos parecidos?",
    ),
    "availability_size": (
        "Se o seu tamanho não estiver disponível, quer que avisemos assim que voltar?",
    ),
    "availability_wide": (
        "Quer que avisemos assim que houver a versão de forma larga?",
    ),
    "thanks_support": (
        "Ficamos muito felizes por ter ajudado num momento assim, obrigado por contar. Como está agora?",
    ),
    "praise_app": (
        "Obrigado, ficamos contentes! O que mais gostaria que fizesse?",
    ),
    "story_kids": (
        "Que bom! Do que eles mais gostaram?",
    ),
    "story_thing": (
        "person|thing|Que bom! Do que {person} mais gosta {thing}?",
        "person|outing|Que bom! Do que {person} mais gostou {outing}?",
    ),
    "thanks_person": (
        "person|Ficamos muito felizes por ter ajudado! Como está {person} agora?",
    ),
    "problem_missing": (
        "order|Lamentamos muito que tenha faltado algo. Pode mandar o número do pedido por mensagem privada? Resolvemos hoje mesmo.",
        "!order|Lamentamos muito que tenha faltado algo. Vamos verificar o pedido hoje mesmo: podemos mandar uma mensagem privada assim que tivermos novidades?",
    ),
    "problem_reaction": (
        "Lamentamos muito, isso parece mesmo desconfortável. Como está agora?",
    ),
    "problem_smaller": (
        "date|Lamentamos, e obrigado pela franqueza. Quando foi feita a compra, para verificarmos esse lote?",
    ),
    "problem_wrong_day": (
        "Lamentamos muito que não tenha chegado no dia certo. Vamos verificar hoje mesmo: podemos mandar uma mensagem privada assim que soubermos o que aconteceu?",
    ),
    "problem_limit": (
        "Lamentamos, entendemos perfeitamente, e obrigado por dizer. Com que frequência costuma usar?",
    ),
    "problem_ux": (
        "Lamentamos que tenha atrapalhado, e obrigado por avisar! Vamos encaminhar. Houve mais alguma coisa que atrasou?",
    ),
    "praise_named": (
        "Obrigado, ainda bem que gostou! Sobre o que gostaria que falássemos da próxima vez?",
    ),
    "problem_not_as_pictured": (
        "Lamentamos que não corresponda às fotos. Pode mandar uma foto do que chegou por mensagem privada?",
    ),
    "question_allergy": (
        "Existe mais alguma alergia que devamos considerar?",
    ),
    "question_visit": (
        "date|Já sabe em que dia pensa vir?",
    ),
    "question_beginner": (
        "Vem com mais alguém?",
    ),
    "question_gift": (
        "person|Do que {person} costuma gostar? Assim ajudamos a escolher.",
        "Para quem é o presente? Assim ajudamos a escolher.",
    ),
    "question_fit_hair": (
        "Como é a rotina de cuidados com o cabelo neste momento?",
    ),
    "result_recovery": (
        "Que notícia boa, obrigado por nos contar! E como se sente agora?",
    ),
    "thanks_staff": (
        "staff|bike|Obrigado pelas palavras, vamos passar a mensagem a {staff} agora mesmo! Como está a bicicleta agora?",
        "staff|Obrigado pelas palavras, vamos passar a mensagem a {staff} agora mesmo! Como estão as coisas desde então?",
        "Obrigado pela mensagem, vamos passá-la a todos aqui agora mesmo! Como estão as coisas desde então?",
    ),
    "collaboration_proposal": (
        "Obrigado por pensar em nós, parece ótimo! Pode mandar alguns detalhes por mensagem privada? Assim encaminhamos para a pessoa certa.",
    ),
    "feedback_notifications": (
        "Obrigado por avisar, são mesmo muitas! Se recebesse só um lembrete por dia, qual seria o melhor horário?",
    ),
    "feedback_packaging": (
        "Obrigado pelo aviso, tem toda a razão! Que parte da embalagem pareceu mais desnecessária?",
    ),
    "praise_candle": (
        "Obrigado, que bom ler isso! Qual é a próxima vela que vai acender?",
    ),
    "praise_drink": (
        "Obrigado, que bom ler isso! Como gosta mais de tomar?",
    ),
    "praise_bread": (
        "Obrigado, que bom ler isso! Como gosta mais de comer?",
    ),
    "result_plant": (
        "Que alegria, obrigado pela novidade! Onde fica a planta agora, perto de uma janela?",
    ),
    "result_skincare": (
        "Que bom ler isso, obrigado por contar! Usa de manhã e à noite, ou só uma vez por dia?",
    ),
    "story_birthday": (
        "person|Que bela forma de comemorar, parabéns {to_person}! Quantos anos fez?",
    ),
}

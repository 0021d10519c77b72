"""English follow-up questions: at most three per case, each one fit to send as written for any comment of it."""

PEOPLE = {
    "mother_in_law": "your mother-in-law", "child": "your little one",
    "mother": "your mum", "father": "your dad", "daughter": "your daughter", "son": "your son",
    "wife": "your wife", "husband": "your husband", "girlfriend": "your girlfriend", "boyfriend": "your boyfriend",
    "partner": "your partner", "grandmother": "your grandma", "grandfather": "your grandad",
    "sister": "your sister", "brother": "your brother", "friend": "your friend",
}

# What they enjoyed (bot/suggest/cases/stories.py: thing_kind), with the article and case the story_thing
# questions need
THINGS = {"workshop": "the workshop", "tour": "the tour", "class": "the classes", "game": "the game", "book": "the book",
          "app": "the app"}

BANK = {
    "question_howto_app": (
        "device|Are you on iPhone or Android? Then we can point you to the right menu.",
        "!device|Let us know if it still doesn't show up for you. Which version of the app are you on?",
    ),
    "question_symptom": (
        "date|Has it been like this from the start, or did it only begin recently?",
    ),
    "question_choosing": (
        "person|What will {person} mainly use it for? Then we can point you to the one that fits.",
        "What will you mainly use it for? That way we can point you to the one that fits.",
    ),
    "question_leaving": (
        "Sorry to see you go. Would you mind telling us what made you decide?",
    ),
    "availability_restock": (
        "Would you like us to let you know as soon as we've restocked?",
    ),
    "availability_variant": (
        "person|What will {person} mainly use it for? Then we can point you to the one that fits.",
    ),
    "availability_release": (
        "Would you like us to let you know as soon as there's news?",
    ),
    "availability_reserve": (
        "group|Would you like us to hold the spots for you?",
        "Would you like us to put one aside for you?",
    ),
    "availability_store": (
        "Would you like us to set your size aside for you to try on?",
    ),
    "availability_shipping": (
        "deadline|date|When would you need it by? Then we can tell you the best way to get it to you in time.",
        "only_asks|What were you thinking of ordering?",
    ),
    "availability_hours": (
        "Will this be your first visit?",
        "What are you planning to come in for? We can make sure it's ready for you.",
    ),
    "problem": (
        "I'm really sorry about this. Could you DM us the details, so we can look into it today?",
    ),
    "problem_letdown": (
        "Sorry to hear that. What didn't work the way you expected?",
        "Thanks for being honest. What were you hoping it would do?",
    ),
    "problem_delivery": (
        "order|I'm sorry it still hasn't turned up. Could you send us your order number by DM so we can chase it today?",
        "unshipped|!order|I'm really sorry it's taking this long. We'll check with our warehouse today: shall we DM you as soon as we know more?",
        "!order|I'm really sorry it's taking this long. We'll chase it with the courier today: shall we DM you as soon as we hear back?",
    ),
    "problem_damaged": (
        "I'm so sorry it reached you like that. Could you send us a photo by DM so we can sort it out straight away?",
        "order|Sorry about this, how disappointing. Could you DM us your order number so we can put it right?",
    ),
    "problem_spoiled": (  # food that arrived cold, warm or thawed: no photo of what they threw away
        "order|I'm so sorry, that's not how it should ever reach you. Could you DM us your order number so we can put it right?",
        "!order|I'm so sorry, that's not how it should ever reach you. Shall we DM you so we can put it right today?",
    ),
    "problem_wrong_item": (
        "I'm really sorry we got that wrong. Could you send us a photo of what arrived by DM, so we can put it right quickly?",
        "order|Sorry about the mix-up! Could you DM us your order number so we can sort it out today?",
    ),
    "problem_billing": (
        "I'm really sorry about this. Could you DM us the date of the charge, so we can trace it today?",
    ),
    "problem_ignored": (
        "order|I'm really sorry nobody got back to you. Could you DM us your order or case number, so we can follow it up ourselves today?",
        "!order|I'm really sorry nobody got back to you. We're picking this up ourselves today: shall we DM you as soon as we know more?",
    ),
    "problem_price": (
        "change|I'm sorry the change came as a surprise. Which plan or product are you on, so we can look at what fits you best?",
        "I understand, and I'm sorry. What matters most to you in what you get from us?",
    ),
    "problem_service": (
        "place|I'm really sorry, that's not how it should go. Which location was it, so we can follow up with the team?",
        "That's not the experience we want anyone to have, and I'm sorry. Would you tell us a bit more about what happened?",
    ),
    "problem_travel": (
        "I'm so sorry. Where are you now, and is there anything you need right away?",
        "Sorry for all of this. Could you DM us your booking reference so we can look at your options straight away?",
    ),
    "problem_app": (
        "error|Oh no, that's really frustrating, and we're sorry! Did you get an error message?",
        "device|That sounds frustrating, sorry. Which phone is it on?",
    ),
    "problem_content": (
        "Sorry about that! Which app were you listening in, so we can check the levels there?",
    ),
    "problem_food": (
        "I'm so sorry, that's not what we want you to get. Which shop was it from, so we can talk to the team?",
    ),
    "result": (
        "Congratulations, that's a big achievement! Which part took the most work?",
    ),
    "result_sport": (
        "Congratulations, that's huge! What's your next goal?",
    ),
    "result_habit": (
        "That's a real milestone, well done! What helped you most to stick with it?",
    ),
    "result_made": (
        "That sounds amazing, well done! What are you planning to make next?",
        "person|That's wonderful! What did {person} think of it?",
    ),
    "thanks_grief": (
        "We're so sorry for your loss, and thank you for telling us. Was there a part that stayed with you most?",
    ),
    "feedback_content": (
        "Thanks for the honest feedback! Do you usually listen in one go, or over a few sittings?",
    ),
    "feedback_disagree": (
        "Thanks for being honest! What did you like most about the old one?",
    ),
    "praise": (
        "person|Thank you! What did {person} like best about it?",
    ),
    "praise_content": (
        "Thank you, so glad you enjoyed it! Which part stayed with you most?",
    ),
    "story_memory": (
        "person|What a lovely memory! What comes to mind first when you think of {person}?",
        "What a lovely memory, thank you for sharing it! What do you remember most about those days?",
    ),
    "story_gift": (
        "person|assortment|That's lovely! Which one has {person} liked best so far?",
        "person|What a lovely gift! What does {person} like most about it?",
    ),
    "story_engaged": (
        "Congratulations to you both! Have you set a date yet?",
    ),
    "collaboration": (
        "link|Thanks for thinking of us! Could you send us a link to your channel or blog by DM, so we can take a look?",
        "Thanks for thinking of us, that sounds fun! Could you DM us a few details of what you have in mind, so we can put you in touch with the right person?",
    ),
    "collaboration_cause": (
        "date|What a great cause! When are you planning it for?",
        "event|Thanks for thinking of us! Roughly how many people are you expecting?",
        "Thanks for thinking of us, what a great cause! Could you DM us a few details, so we can put you in touch with the right person?",
    ),
    "question_content": (
        "Great idea, thanks! What else would you like us to cover?",
    ),
    "question_making": (
        "Have you made it before, or is this your first go?",
    ),
    "problem_fault": (
        "I'm really sorry, that shouldn't happen. Could you DM us a photo, so we can sort it out?",
        "date|That's really frustrating, I'm sorry. How long have you had it?",
    ),
    "problem_fault_again": (
        "I'm so sorry, two in a row isn't good enough. Could you DM us a photo or a short video, so we can look into it properly?",
    ),
    "feedback_discontinued": (
        "We're sorry to hear you miss it! What did you love most about it?",
    ),
    "collaboration_stockist": (
        "Thanks for thinking of us! Could you DM us a few details about your business, so we can put you in touch with the right person?",
    ),
    "problem_late": (
        "Sorry it took so long to reach you, that's not the wait we want for anyone. Is everything else as it should be?",
    ),
    "problem_sizing": (
        "I'm sorry, that's really annoying. Which item was it, so we can check the size guide?",
    ),
    "problem_changed": (
        "I'm sorry it's not what you loved any more. What did you like most about the old one?",
    ),
    "question_fit": (
        "Which model do you have at the moment? Then we can double-check it fits.",
    ),
    "problem_refund": (
        "order|I'm really sorry you're still waiting. Could you DM us your order number so we can chase it today?",
        "!order|I'm really sorry you're still waiting. We're chasing it today: shall we DM you as soon as we know more?",
    ),
    "story_grief": (
        "We're so sorry for your loss, and thank you for sharing this with us. Is there a favourite memory of them you'd like to share with us?",
    ),
    "problem_not_received": (
        "I'm so sorry it hasn't reached you. Could a neighbour or a parcel point have taken it in?",
        "order|Sorry about this. Could you DM us your order number so we can check with the courier today?",
    ),
    "problem_courier": (
        "order|I'm really sorry. Could you DM us your order number, so we can take it up with the courier?",
        "!order|I'm really sorry. We're taking it up with the courier today: shall we DM you as soon as we hear back?",
    ),
    "thanks_class": (
        "staff|So glad to hear it, we'll pass this on to {staff}! What do you enjoy most about the classes?",
        "So glad to hear it! What do you enjoy most about the classes?",
    ),
    "thanks_trial": (  # a first or trial lesson: no "the classes" they have not taken yet
        "staff|So glad to hear it, we'll pass this on to {staff}! Will we see you again soon?",
        "So glad to hear it, we'll pass this on to the team! Will we see you again soon?",
    ),
    "question_fit_trip": (
        "Where are you off to?",
    ),
    "question_fit_skin": (
        "Have you had trouble with similar products before?",
    ),
    "availability_size": (
        "If it's not in stock in your size, would you like us to let you know when it is?",
    ),
    "availability_wide": (
        "Would you like us to let you know as soon as it comes in a wide fit?",
    ),
    "thanks_support": (
        "We're so glad it helped you through, thank you for telling us. How are you doing now?",
    ),
    "praise_app": (
        "Thank you, that's great to hear! Is there anything you'd like it to do next?",
    ),
    "story_kids": (
        "That's so lovely to hear! What did they enjoy most?",
    ),
    "story_thing": (
        "person|thing|That's so lovely to hear! What does {person} enjoy most about {thing}?",
        "person|outing|That's so lovely to hear! What did {person} enjoy most about {outing}?",
    ),
    "thanks_person": (
        "person|We're so glad we could help! How is {person} doing now?",
    ),
    "problem_missing": (
        "order|I'm so sorry something was missing. Could you DM us your order number, so we can sort it out today?",
        "!order|I'm so sorry something was missing. We're looking into your order today: shall we DM you as soon as we know more?",
    ),
    "problem_reaction": (
        "I'm so sorry, that sounds really uncomfortable. How are you feeling now?",
    ),
    "problem_smaller": (
        "date|Sorry about that, and thanks for telling us straight. When did you buy it, so we can check that batch?",
    ),
    "problem_wrong_day": (
        "I'm really sorry it didn't come on the day it should have. We're looking into it today: shall we DM you as soon as we know what happened?",
    ),
    "problem_limit": (
        "Sorry, we hear you, and thanks for saying so. How often do you usually use it?",
    ),
    "problem_ux": (
        "Sorry it got in the way, and thanks for telling us! We'll pass it on to the team. Is there anything else that slowed you down?",
    ),
    "praise_named": (
        "Thank you, so glad you enjoyed it! What would you like us to cover next?",
    ),
    "problem_not_as_pictured": (
        "I'm sorry it's not what you expected from the photos. Could you DM us a photo of what arrived, so we can look into it?",
    ),
    "question_allergy": (
        "Are there any other allergies we should keep in mind?",
    ),
    "question_visit": (
        "date|Do you know yet which day you're planning to come?",
    ),
    "question_beginner": (
        "Will you be coming on your own, or with someone?",
    ),
    "question_gift": (
        "person|What does {person} usually like? Then we can help you choose.",
        "Who's the gift for? Then we can help you choose.",
    ),
    "question_fit_hair": (
        "What does your hair routine look like at the moment?",
    ),
    "result_recovery": (
        "That's wonderful to hear, thank you for sharing it with us! How are you feeling now?",
    ),
    "thanks_staff": (
        "staff|bike|Thank you, we'll pass this on to {staff} right away! How's the bike riding now?",
        "staff|Thank you, we'll pass this on to {staff} right away! How has everything been since?",
        "Thank you, we'll pass this on to the team, it'll make their day! How has everything been since?",
    ),
    "collaboration_proposal": (
        "Thanks for thinking of us, that sounds lovely! Could you DM us a few details, so we can put you in touch with the right person?",
    ),
    "feedback_notifications": (
        "Thanks for telling us, that is a lot! If you got just one reminder a day, what time would suit you best?",
    ),
    "feedback_packaging": (
        "Thanks for flagging it, that's fair! Which part of the packaging felt most unnecessary to you?",
    ),
    "praise_candle": (
        "Thank you, so glad you love it! Which candle are you lighting next?",
    ),
    "praise_drink": (
        "Thank you, so glad you love it! How do you usually take it?",
    ),
    "praise_bread": (
        "Thank you, that's lovely to hear! What's your favourite way to eat it?",
    ),
    "result_plant": (
        "So happy it's thriving, thanks for the update! Where does the plant live now, near a window?",
    ),
    "result_skincare": (
        "So glad it's working for you, thanks for telling us! Do you use it morning and night, or just once a day?",
    ),
    "story_birthday": (
        "person|What a lovely way to celebrate! How old did {person} turn?",
    ),
}

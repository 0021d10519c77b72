"""English follow-up questions."""

PEOPLE = {
    "mother": "your mum", "father": "your dad", "daughter": "your daughter", "son": "your son", "kids": "your kids",
    "wife": "your wife", "husband": "your husband", "girlfriend": "your girlfriend", "boyfriend": "your boyfriend",
    "partner": "your partner", "grandmother": "your grandma", "grandfather": "your grandad",
    "sister": "your sister", "brother": "your brother", "friend": "your friend",
}

# Questions about using what they have rather than choosing it: they get the question_using follow-ups.
USING = r"how (?:do|can|should) i|how to|how much \w+ should|can i use|should i|where (?:can|do) i find|is there a way|i'?m trying to"
# Questions about choosing something: they get the question_choosing follow-ups.
CHOOSING = r"recommend|difference|which (?:one|\w+ (?:should|would|do you|is best))|suitable|worth it|best for|better for|\bfit|sizes?|compatible|work with|\bvs\.?\b|made (?:with|of|from)|safe for|big enough|enough for|good for"
# Questions about leaving (cancelling, closing an account): they get the question_leaving follow-ups.
LEAVING = r"cancel|unsubscribe|close my account|delete my account"

BANK = {
    "question": (
        "What are you planning to use it for? Then we can add anything else that helps.",
        "What got you interested in it?",
        "Is it for you, or for someone else?",
    ),
    "question_leaving": (
        "We're sorry to see you go. Would you mind telling us what made you decide?",
        "Before you go: is there anything we could have done better?",
        "Was there something missing that would have made you stay?",
    ),
    "question_choosing": (
        "person|What will {person} mainly use it for? Then we can point you to the one that fits.",
        "What will you mainly use it for? That way we can point you to the option that fits.",
        "Is it for yourself, or are you picking something out for someone else?",
        "What matters most to you when you choose one?",
        "What are you comparing it with at the moment?",
    ),
    "question_using": (
        "Let us know how it turns out! What are you working on with it?",
        "How are you getting on with it so far?",
        "What are you hoping to get done with it?",
        "What would you like to try next once that's sorted?",
    ),
    "availability": (
        "person|What will {person} mainly use it for? Then we can point you to the one that fits.",
        "What would you use it for? Then we can suggest something similar in the meantime.",
        "Would you like us to let you know as soon as it's available?",
        "What drew you to it in the first place?",
        "How did you hear about it?",
    ),
    "availability_feature": (
        "What would you use it for most? It helps us to know.",
        "What are you using in the meantime?",
        "How would it fit into the way you work now?",
    ),
    "availability_shipping": (
        "What are you hoping to order first?",
        "Is it for yourself, or are you sending it to someone as a gift?",
        "Have you tried any of our products before, or would this be your first order?",
    ),
    "availability_hours": (
        "What are you planning to come in for? We can make sure it's ready for you.",
        "Will this be your first visit?",
        "Is there anything you'd like us to set aside for you?",
    ),
    "problem_damaged": (
        "I'm so sorry it arrived like that. What did you find when you opened the parcel?",
        "order|That's not how it should reach you, and I'm sorry. Could you send us your order number so we can send a replacement?",
        "Sorry about this, how disappointing. Would you rather have a replacement or a refund?",
    ),
    "problem_price": (
        "increase|I'm sorry it feels too expensive. Which product or plan is it, so we can look at what fits you best?",
        "change|I'm sorry the change came as a surprise. Which plan or product are you on, so we can look at what fits you best?",
        "I understand the frustration, and I'm sorry. What matters most to you in what you get from us?",
        "change|Sorry, we know price changes are never welcome. Would it help if we walked you through what's changed?",
    ),
    "problem_billing": (
        "order|I'm really sorry about this. Could you send us a DM with your order number so we can sort it out today?",
        "date|Sorry for the trouble. When did you first notice it on your statement?",
        "I'm sorry it's taken this long. What did our team tell you last time, so we can pick it up from there?",
    ),
    "problem_delivery": (
        "tracking|I'm really sorry your order still hasn't turned up. Could you tell me what the tracking shows at the moment?",
        "order|Sorry for the wait, that's not how it should go. Could you send us your order number so we can chase it today?",
        "That's really frustrating, I'm sorry. Is there a date you need it by, so we can try to get it to you in time?",
    ),
    "problem_app": (
        "I'm sorry it's giving you trouble. What happens on your screen right before it goes wrong?",
        "device|Sorry about that, it must be annoying. Which phone or device are you using, and which version of the app?",
        "date|update|That sounds frustrating, sorry. Did it start after the latest update, or has it been like this for a while?",
        "Sorry for the hassle. What were you trying to do when it happened?",
    ),
    "problem_ignored": (
        "I'm really sorry nobody got back to you. What do you still need help with? We'll take it from here.",
        "Sorry for the silence, that's not OK. Could you tell us what it's about, so we can sort it out now?",
        "I'm sorry you've had to wait this long. Would you rather we sort it out here or by DM?",
    ),
    "problem_service": (
        "I'm really sorry you were treated like that. Would you tell us what happened, so we can put it right?",
        "That's not the experience we want anyone to have, and I'm sorry. When and where did this happen?",
        "I'm so sorry about this. Which store or team was it, so we can follow up with them?",
    ),
    "problem": (
        "I'm really sorry about this. Could you tell us a bit more about what happened, so we can put it right?",
        "That's disappointing, and I'm sorry. What would make this right for you?",
        "Sorry to hear that, it's not what you should get from us. Could you tell us a bit more, like which product it was, so we can look into it?",
    ),
    "result": (
        "person|That's wonderful! What did {person} think of it?",
        "That's brilliant, well done! What are you planning to try next?",
        "How did it feel when it all came together?",
        "Was there any part that turned out trickier than you expected?",
    ),
    "story_gift": (
        "person|That's lovely! What did {person} like best about it?",
        "person|How did {person} react to it?",
        "What made you pick it?",
        "occasion|Was it for a special occasion?",
    ),
    "story_memory": (
        "person|What a lovely memory. What do you remember most about {person}?",
        "Thank you for sharing this with us. What do you remember most about it?",
        "What a lovely memory! Is it something you still do today?",
        "What made it so special for you?",
    ),
    "story": (
        "person|That's lovely! What did {person} say?",
        "person|How did {person} like it?",
        "Thanks for sharing this! How did it turn out?",
        "That sounds lovely! What made you think of it?",
        "We'd love to hear more. What happened next?",
    ),
    "thanks": (
        "person|You're very welcome! How did {person} like it?",
        "You're very welcome, glad it helped! How are you getting on with it now?",
        "So glad we could help! Is there anything else we can do for you?",
        "Thanks for letting us know! Is there anything you'd like to see more of from us?",
    ),
    "praise_content": (
        "Thank you, so glad you enjoyed it! Which part stayed with you most?",
        "What would you like us to cover next?",
        "Was there anything in it you'd like us to go deeper on?",
        "How did you come across it?",
    ),
    "praise": (
        "person|Thank you! What did {person} like best about it?",
        "topic|Thank you so much! What do you enjoy most about {topic}?",
        "Thank you, that's so nice to hear! What stood out to you most?",
        "When do you reach for it most?",
        "What would you like to see from us next?",
    ),
    "feedback": (
        "Thanks for being straight with us. What would you change first?",
        "topic|Thanks for the honest feedback. What would make {topic} work better for you?",
        "That's useful to hear. How would you like it to work instead?",
        "What made you feel that way? We'd like to understand it properly.",
    ),
    "collaboration": (
        "Thanks for thinking of us! What kind of collaboration did you have in mind?",
        "Who is your audience, and what do they usually enjoy most?",
        "What would a great outcome look like for you?",
    ),
    "fan_reply": (
        "Thanks for jumping in to help! How has it worked out for you?",
        "What was your own experience with it?",
        "Is there anything you'd add for anyone reading along?",
    ),
    "noise": (
        "Thanks for sharing this! How did it go?",
        "Thanks for letting us know. Is there anything we can help with?",
        "What would you like to see from us next?",
    ),
}

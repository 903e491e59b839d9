/*
 * host.h -- the host's words: which reply a persona gives, and how.
 *
 * A host wraps a persona from a bank.  Every list of variants (replies
 * per category, fallbacks, reactions, the questions it asks the user) is
 * a shuffled bag: variants come out in a random order and none repeats
 * until all have been used, and the order depends only on the seed, so
 * a session run with --seed is reproducible.  A host made guarded by a
 * job ask gives shorter answers (the first sentence only) for a while.
 * The host knows nothing of rules or of the terminal.
 */
#ifndef INFOCOACH_HOST_H
#define INFOCOACH_HOST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bank.h"

#define HOST_GUARDED_TURNS 3   /* replies kept short after a job ask */
#define STORY_VARIANTS 8       /* host_story() looks at so many variants */
#define STORY_TEXTS 4          /* ... and of each, the reply and so many
                                  less one follow-ups */

/* A shuffled bag of indexes into a list of variants. */
struct bag {
	size_t *order;          /* a permutation of 0..n-1 (owned) */
	size_t n;               /* number of variants */
	size_t next;            /* next position in order */
};

/* What a question asks that the host cannot know or may not say. */
enum unknowable {
	UNKNOWABLE_NONE,
	UNKNOWABLE_FUTURE,      /* a figure still to come: "what will the
	                           budget be next year?", a share price */
	UNKNOWABLE_FIGURE,      /* an exact figure it would not have: "how
	                           many orders did fernway get yesterday?" */
	UNKNOWABLE_HEADCOUNT,   /* how many work at a firm it names ("how
	                           many people work at Amazon?"): unknowable
	                           unless it is the host's own */
	UNKNOWABLE_CLIENT,      /* what a client pays: "what fees does X pay
	                           you?" */
	UNKNOWABLE_FORECAST,    /* what the world will do: "what will happen
	                           with tariffs next year?", "will there be a
	                           recession?" */
	UNKNOWABLE_KINDS        /* how many kinds there are */
};

struct host {
	const struct persona *p;     /* borrowed from the bank */
	const char *field;           /* the bank's field (borrowed; may be NULL) */
	const struct persona *peers; /* the bank's personas, whose glossaries
	                                the host knows too (borrowed; may be
	                                NULL) */
	size_t npeers;
	uint64_t rng;                /* xorshift state, never 0 */
	struct bag replies[CAT_COUNT];
	struct bag fallback;
	struct bag reactions[KIND_COUNT];
	struct bag asks;
	struct bag acks;
	struct bag act_lines[ACT_COUNT]; /* the built-in words for each act */
	struct bag unsure;
	struct bag asks_back;
	struct bag pay_general;      /* the built-in words on pay in general */
	struct bag leave;            /* ... giving leave ("may I take notes?") */
	struct bag calm;             /* ... to a user who says they are nervous */
	struct bag self_study, self_same, self_change, self_final;
	                             /* ... on the user's studies, career change
	                                or last year of study */
	bool came_same_said;         /* it has said the user's studies were its
	                                own way in */
	bool *used[CAT_COUNT];       /* variants given in this round (all
	                                given: a new round starts) */
	bool *said[CAT_COUNT];       /* variants given in this session */
	size_t *more_given[CAT_COUNT]; /* follow-ups given, per variant */
	size_t *why_given[CAT_COUNT];
	enum category last_cat;      /* the topic of the last reply, or none */
	size_t last_variant;         /* which variant it was */
	size_t no_more;              /* times the host had nothing more */
	size_t nothing_new;          /* times it had nothing new to say */
	size_t who_unknown;          /* times it asked whom the user meant */
	bool repeated;               /* its last reply on a topic was one it
	                                had given before (every one had been) */
	size_t nothing_yet;          /* times it had said nothing yet to
	                                explain */
	size_t cannot_know[UNKNOWABLE_KINDS]; /* times it said it could
	                                not know, by enum unknowable */
	size_t asides;               /* asides it has reacted to */
	uint32_t stories_told[CAT_COUNT]; /* the stories host_story() has
	                                told: of a topic's variant i, bit
	                                i * STORY_TEXTS (the reply) + j (its
	                                follow-up j) */
	size_t chatted;              /* small-talk questions it answered */
	size_t no_need;              /* times it said an apology was not
	                                needed */
	size_t finished;             /* times it said, after its farewell,
	                                that the meeting is over */
	size_t neither;              /* times it said neither yes nor no to
	                                a yes/no question */
	int guarded;                 /* replies left to keep short */
	unsigned time_asked;         /* times asked how long is left */
	bool referred;               /* it has answered a question on whom
	                                else to talk to */
	char subject[48];            /* what the user said they study or
	                                studied ("" until they say) */
};

/* Set up h for persona p with a seed; free with host_free. */
void host_init(struct host *h, const struct persona *p, uint64_t seed);
void host_free(struct host *h);

/* A random number in [0, n) from the host's generator (n > 0). */
size_t host_random(struct host *h, size_t n);

/*
 * The host's reply to a question of category cat (CAT_NONE: a fallback).
 * Returns a newly allocated string: the next variant from the bag, cut to
 * its first sentence while the host is guarded.
 */
char *host_reply(struct host *h, enum category cat);

/* The host's reaction to a flag of kind k (newly allocated). */
char *host_react(struct host *h, enum flag_kind k);

/* Its reaction to a yes/no question its words give no answer to: one of
 * the persona's words for a closed question that does not open with a
 * yes ("In a word, it depends..."), never a guessed "yes, mostly"; newly
 * allocated. */
char *host_react_neither(struct host *h);

/* The gist of what the host said last (said, a reply on topic about,
 * or CAT_NONE), more plainly, for the n-th "could you explain more
 * simply?" in a row: never its words over again, but its n-th sentence
 * about the work (counting round) cut to its main clause, a sentence it
 * did not open with (n > 0), the meaning of a word of the field it used,
 * or what it was telling about.  NULL when it said nothing. */
char *host_plainer(const struct host *h, const char *said, enum category about, size_t n);

/* The reaction to a pay question: the persona's own words when it asks
 * the host's own pay, else a line about pay in general (newly
 * allocated). */
char *host_react_pay(struct host *h, bool own);

/* A question the host asks the user (borrowed from the persona). */
const char *host_ask(struct host *h);

/* What the host says to the user's answer about themselves (newly
 * allocated), or NULL when the persona has no acks. */
char *host_ack(struct host *h);

/* Make the host guarded for the next HOST_GUARDED_TURNS replies. */
void host_guard(struct host *h);

/* An apology was accepted: the host is open again at once. */
void host_unguard(struct host *h);

/*
 * What the host says to a line whose act is a (not a question or a
 * follow-up, which get replies): a clarification, thanks accepted, an
 * apology accepted, small talk, the time frame confirmed (minutes: the
 * meeting's length), a polite redirect.  Newly allocated.
 */
char *host_act(struct host *h, enum act a, unsigned long minutes);

/*
 * text with a greeting for a time of day at its start ("Good afternoon,
 * and welcome.", "Morning. Find the place okay?") made to fit hour (0 to
 * 23, the user's local time): morning from 5, afternoon from 12, evening
 * from 18, and from 23 to 5 a plain "Hello" ("Hi." for the short form).
 * Newly allocated; other text is copied as it is.
 */
char *host_time_of_day(const char *text, int hour);

/* The length of a meeting in words, as a host says it: "half an hour",
 * "an hour", "1 minute", "45 minutes". */
void host_duration_words(unsigned long minutes, char *buf, size_t len);

/* line with every "{duration}" replaced by words (the meeting's length,
 * as "30 minutes" or "half an hour").  Newly allocated. */
char *host_fill_duration(const char *line, const char *words);

/* The topic whose replies best fit q, by the words they share ("do you
 * get tired of the marking?" is the one whose reply speaks of marking);
 * CAT_NONE when none shares any.  Closing topics never. */
enum category host_topic_of(const struct host *h, const char *q);

/*
 * The reply to a question of category cat whose normalised text is q:
 * among the variants not yet given, the one whose keywords and words fit
 * q best (the shuffled order breaks ties); when every variant has been
 * given, the round starts again.  Unless the topic is sure, a question
 * that names a distinctive keyword of another topic's reply, and none of
 * this one's, gets that reply.  Newly allocated.
 */
char *host_reply_to(struct host *h, enum category cat, const char *q, bool sure);

/*
 * More on the last reply, for a follow-up whose normalised text is q: its
 * reason when q asks why, else its next 'more'.  NULL when the last reply
 * has nothing more to give.
 */
char *host_follow_up(struct host *h, const char *q);

/*
 * The answer to "why physics?" about word, a word of the host's last
 * reply whose own reason does not speak of it: a sentence of the
 * persona's words that gives a reason with word in it ("My own history
 * teacher at school, Mrs Darby, made the past feel like gossip..."),
 * else, when word is a step of the host's own path (its opening or how
 * it got in says it), an honest "no deep reason" in its manner.  NULL
 * when the last reply's reason speaks of word (host_follow_up gives it)
 * or word is only a word of the work ("translator").  Newly allocated.
 */
char *host_why_word(struct host *h, const char *word);

/* For a clarify with no glossary term in q (normalised): the last
 * answer (said) put plainly (its n-th sentence, as host_plainer); when q
 * names a word the host never said ("what do you mean by synergy?"), an
 * honest word that it did not say it; for a person ("who's Dorothy?"),
 * who they are to the host's story.  Newly allocated; NULL when there
 * is nothing to rephrase and no word named.  said is the host's latest
 * answer when latest is true, else something it said earlier (a word
 * from it is pointed out where it was said). */
char *host_unknown_term(struct host *h, const char *said, enum category about, bool latest,
    const char *q, size_t n);

/* Of two topics the understanding could not choose between, the one
 * with a reply whose keywords the question q (normalised) names ("late
 * openings"), or CAT_NONE when neither or both have one. */
enum category host_keyword_pick(const struct host *h, const char *q, enum category a,
    enum category b);

/* The topic of a reply other than the last one given whose distinctive
 * keyword the question q (normalised) names, and the last reply never
 * says ("how does the football club work, is it every week?" just after
 * an answer on the day): what q is really about.  CAT_NONE when q names
 * a keyword of the last reply, or none elsewhere.  Closing topics never. */
enum category host_other_subject(const struct host *h, const char *q);

/* What the host says to a line (q, normalised) in which the user says
 * they are nervous ("sorry, I've never done one of these"), newly
 * allocated; NULL when q says nothing of nerves. */
char *host_calm(struct host *h, const char *q);

/* What the host says to "how long do we have left?" with minutes left
 * of the agreed time, and to "is it ok if we run over?"; newly
 * allocated. */
char *host_time_left(struct host *h, unsigned long minutes);

/* What the host says to "do we still have time?" in untimed practice,
 * where no clock runs: that there is no rush, in the persona's manner
 * (newly allocated). */
char *host_no_rush(struct host *h);
char *host_run_over(struct host *h);

/* The host's yes to a request for leave that is not about its name
 * ("is it okay if I take notes?"); newly allocated. */
char *host_leave(struct host *h);

/* Whether a clarify (q, normalised) names the word it asks about ("what
 * do you mean by synergy?"), not just "what do you mean (by that)?". */
bool host_names_word(const char *q);

/* The same, with the word asked about ("devika" of "who's Devika?")
 * copied into buf (len bytes). */
bool host_asked_word(const char *q, char *buf, size_t len);

/* More about the person the last reply named ("She's run everything
 * from single floors to whole head offices..."): its next `more` when it
 * speaks of someone (She, He'd, Their...) or names the one the normalised
 * line q asks about ("who is Colin Ferris?"); newly allocated, or NULL. */
char *host_about_person(struct host *h, const char *q);

/* Whether the normalised line q asks who someone is by a pronoun or by
 * pointing ("who is she, exactly?", "who is that person again", "whos
 * that"), rather than by their name. */
bool host_asks_who_pointing(const char *q);

/* Whether text (something the host said) names a person other than the
 * host ("Talk to Aisha Noor, my manager", "Dr. Funmilayo Adeyemi"), one
 * whose name holds the word want ("devika") unless want is NULL: the
 * first such name into buf (len bytes).  Firms and places ("at Alderbank
 * Group", "Pell & Archer", "East Asia") are not people. */
bool host_person_named(const struct host *h, const char *text, const char *want, char *buf,
    size_t len);

/* That the host has told all it knows about the person named name
 * (asked after as "she" or "that person": the name says whom it took
 * them for).  Newly allocated. */
char *host_told_all_about(struct host *h, const char *name);

/* Whether text spells word (lower case, "pell and archer") as a name,
 * capitalised ("Pell & Archer"). */
bool host_said_name(const char *text, const char *word);

/* The answer to "are you taking on more clients this year?": a hedged
 * yes with what its words say of growing, else that it couldn't promise
 * numbers, and a word on how busy things are.  Newly allocated. */
char *host_growth(struct host *h);

/* The answer to "can you give an example?" just after the host
 * explained a word of its field (said, its last reply, that word's
 * explanation): a sentence of its own words that uses the word, else
 * the examples the explanation named, else that it has none to hand.
 * NULL when said explains no word of the glossary.  Newly allocated. */
char *host_term_example(const struct host *h, const char *said);

/* The answer to "and before that?" after the host told how it got in
 * (its last reply on the entry path): that it began with its studies,
 * when that reply says so; else a sentence of its words about its
 * studies; else that there is little before it.  Newly allocated. */
char *host_before(struct host *h);

/* The answer to "do u still work with them?" just after the host named
 * firm, a firm ("Pell & Archer"), not its own: what the firm is, and
 * that the host is not there now; newly allocated. */
char *host_firm_still(struct host *h, const char *firm);

/* The host's "who do you mean?" when asked who someone is by a pronoun
 * and it has named nobody lately; newly allocated. */
/* The person the host's words text describe without naming ("At
 * twenty-three the transport manager, who had noticed me rearranging
 * badly built loads, invited me..."): "the transport manager, who had
 * noticed me rearranging badly built loads", newly allocated; NULL when
 * text describes no one in particular ("people who", "staff who", "a
 * partner who gives way"). */
char *host_unnamed_person(const char *text);

char *host_who_do_you_mean(struct host *h);

/* Which of the host's recent replies (recent[0..n), the latest first;
 * NULL entries skipped) uses the word the normalised line q asks about
 * ("who's Raj again?"), allowing a typo; NULL when none or q names no
 * word. */
const char *host_reply_naming(const char *const *recent, size_t n, const char *q);

/* Whether the normalised line q names the host's own job ("what does an
 * audit partner take home?" to an audit partner): the last two words of
 * the title, or of either part of "X and Y". */
bool host_names_role(const struct host *h, const char *q);

/* The host's "yes" to a follow-up that asks whether the last answer is
 * the usual thing ("is that normal?"), to go before the follow-up, or
 * NULL. */
const char *host_confirms(const char *q);

/* Another unused reply on topic cat, joined as going on ("One more thing
 * on that: ..."), for a follow-up when the last reply has nothing more;
 * NULL when every reply of the topic was given (or cat is closing). */
char *host_another(struct host *h, enum category cat);

/* The reply on cat, else on any other topic but the closing ones, whose
 * words speak of what the yes/no question q (normalised) asks about
 * ("do u still do testing urself?": the one that says "found in
 * testing"), one not given yet first; NULL, with nothing changed, when
 * none does. */
char *host_reply_speaking_of(struct host *h, enum category cat, const char *q);

/* What the host says when it has nothing more on a topic, offering
 * another (newly allocated). */
char *host_no_more(struct host *h, enum category offer);

/* What the host says, in its persona's manner (formal, brisk, warm),
 * when all it could say is what it has said already: that it has nothing
 * to add, then an offer of topic offer (or, with CAT_NONE, an invitation
 * to ask something else).  Newly allocated; the words vary each time. */
char *host_nothing_new(struct host *h, enum category offer);

/* What the host says to "why is that?" before it has answered anything:
 * that there is nothing to explain yet, and an invitation to ask, in the
 * persona's manner (newly allocated). */
char *host_nothing_yet(struct host *h);

/* What the host says to anything but thanks or a goodbye once it has
 * said its farewell: briefly, in the persona's manner, that the meeting
 * is over (newly allocated; the words vary each time). */
char *host_finished(struct host *h);

/* What the host says to an apology with nothing before it to forgive:
 * that there is no need, in the persona's manner (newly allocated). */
char *host_no_need(struct host *h);

/* What the host says to a friendly question about its own free time or
 * how its week, weekend or holiday went (q, normalised: "how was your
 * weekend?", "did you have a good holiday?", "what do you do for fun?"):
 * a short answer in the persona's manner, then back to the work (newly
 * allocated).  NULL when q asks the host nothing of that. */
char *host_small_talk(struct host *h, const char *q);

/* An aside about the user's day, which a host reacts to in a word before
 * going on. */
enum aside {
	ASIDE_NONE,
	ASIDE_BAD,              /* bad news or a mishap: "my son is sick
	                           today", "my cat knocked my coffee over" */
	ASIDE_FUNNY,            /* a joke or a laugh: "haha my dog just
	                           barked at the postman lol" */
	ASIDE_FAMILY,           /* news of the user's family: "my sister is
	                           a teacher actually" */
	ASIDE_WEATHER,          /* small talk about the weather: "ugh
	                           raining here", "so cold today" */
};

/*
 * The answer to a correction q ("sorry, I mean why you chose family
 * practice and not hospital") of before, the question it puts right (may
 * be NULL), understood as a question on cat: the reply of the persona
 * that best fits what the correction adds, on cat if one fits, else on
 * any topic by a keyword of six letters or more, never the reply just
 * given, with its topic in *got; when none fits and cat is not sure
 * (sure false) or every reply on it was given, an admission in the
 * host's manner that it answered the wrong thing and has nothing on that
 * (*got CAT_NONE).  NULL when none fits but cat is sure and has replies
 * not given yet, or when the correction adds
 * nothing to go on ("sorry, I meant the other one").
 * Newly allocated.
 */
char *host_correction(struct host *h, enum category cat, bool sure, const char *q,
    const char *before, enum category *got);

/*
 * text, a reply that will follow a lead's colon ("If you mean the hard
 * parts: charting is..."), with its first letter lowered in place when
 * its first word is an ordinary word: not "I", not an acronym ("AI",
 * "NHS"), nor a word the persona's words write capitalised inside a
 * sentence, as a name ("Hannah", "Monday").
 */
void host_lower_first(const struct host *h, char *text);

/* Whom a question asks about among the people the host works with. */
enum colleagues {
	COLLEAGUES_NONE,
	COLLEAGUES_TEAM,        /* "who is your team?", "who do you work
	                           with?" */
	COLLEAGUES_BOSS,        /* "who is your boss?", "who do you report
	                           to?" */
};

/*
 * Who the host's team are (k COLLEAGUES_TEAM) or whom it reports to
 * (COLLEAGUES_BOSS), from its own words where they say so ("I lead a
 * team of about thirty analysts...", "My boss, Rachel Imrie, ...",
 * "Hannah Kim, our controller" when the question q, which may be NULL,
 * names the controller), else a short answer in its manner that names no
 * one: for its boss, the role it reports to.  Newly allocated.
 */
char *host_colleagues(struct host *h, enum colleagues k, const char *q);

/* What a question about the host's own organisation asks. */
enum firm_ask {
	FIRM_ASK_NONE,
	FIRM_ASK_WHAT,          /* "what does harwood lisle sell?" */
	FIRM_ASK_CLIENTS,       /* "which retailers do you work for?" */
};

/*
 * What the host's organisation does (k FIRM_ASK_WHAT), or whom it works
 * for (FIRM_ASK_CLIENTS: no names, but the kinds its opening gives),
 * from the persona's own words: its opening's sentence on the
 * organisation.  Newly allocated, or NULL when the opening has none.
 */
char *host_firm_does(struct host *h, enum firm_ask k);

/* What a question asking for a story from work asks for. */
enum story {
	STORY_NONE,
	STORY_WORST,            /* the worst of it: "worst crisis you dealt
	                           with", "hardest day you've had" */
	STORY_ODD,              /* anything memorable: "the weirdest thing
	                           that happened at work", "funniest moment" */
};

/*
 * A story from the host's own words for a question of kind k: the first
 * of its replies and follow-ups not told yet (on the hard parts for the
 * worst of it, on what it likes first for anything else) that
 * tells of one time ("Last month...", "I once...", "One Saturday..."),
 * from that sentence on, after a few words in the persona's manner that
 * take the question up.  Newly allocated; NULL when no such story is
 * left.
 */
char *host_story(struct host *h, enum story k);

/* The host's brief reaction to an aside of kind k (newly allocated):
 * sympathy for bad news, a smile for a joke, a friendly word for news
 * of the user's family, a light "same here" for the weather, then back
 * to the conversation. */
char *host_react_aside(struct host *h, enum aside k);

/* That it cannot know or may not say what a question of kind k asks
 * (newly allocated): nobody knows next year's figures, it has no exact
 * figures for that, client fees are confidential. */
char *host_cannot_know(struct host *h, enum unknowable k);

/* The answer to a prediction nobody can make ("what will happen with
 * tariffs next year?", normalised q): that nobody knows, then what the
 * host does see of where its field is going (its industry-trends reply
 * that fits q best, while one is left untold).  Newly allocated. */
char *host_forecast(struct host *h, const char *q);

/* The i-th of the built-in words every host has for act a (the time
 * frame's with minutes), newly allocated; NULL when there is no i-th. */
char *host_act_plain(enum act a, size_t i, unsigned long minutes);

/* The glossary's explanation of a term the normalised line q names, or
 * NULL when the persona's glossary has none (borrowed). */
const char *host_explain(const struct host *h, const char *q);

/* The same, also giving the form of the term q names (borrowed). */
const char *host_explain_as(const struct host *h, const char *q, const char **named);

/* What the host says to the user telling about themselves, when the
 * normalised line q names what they study or the stage they are at ("a
 * history graduate", "changing careers"); NULL when it names neither. */
char *host_self(struct host *h, const char *q);

/* A question the host asks back later in the meeting (borrowed), one
 * whose key words (of five letters or more, not plain ones) are not in
 * said, what the user has said so far ("Ever been in a warehouse?" is not
 * asked of someone who said they work in one); NULL when there is none
 * left.  said may be NULL. */
const char *host_ask_back(struct host *h, const char *said);

/* The host does not guess: it asks which of two topics was meant (newly
 * allocated). */
char *host_unsure(struct host *h, enum category a, enum category b);

#endif

/*
 * session.c -- one rehearsal: the conversation's state and its turns
 * (see session.h).  Commands and the report are the caller's (cmd.c).
 */
#include <config.h>

#include "session.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "duration.h"
#include "emit.h"
#include "firm.h"
#include "people.h"
#include "plan.h"
#include "reword.h"
#include "sentence.h"
#include "text.h"
#include "xmalloc.h"
#include "yesno.h"

/* What a session keeps that only this file reads: the conversation's
 * working memory (what was said, what the host and coach will say next)
 * and where the meeting is. */
struct session_private {
	enum session_state state;    /* open, or how it ended */
	struct matcher *m;           /* match state (owned) */
	uint64_t start_ms;           /* when the session began */
	size_t capturns, capflags;   /* room in s->turns and s->flags */
	struct dialogue dlg;         /* what the conversation is about */
	bool told_why;               /* the user said why they came */
	bool asked_back;             /* the host asked something back */
	char *opening;               /* the host's opening words, as said */
	const char *opening_ask;     /* the question the host opened with,
	                                while it still waits for an answer
	                                and has not asked it again (borrowed
	                                from the persona), or NULL */
	const char *last_ask;        /* the last question the host asked the
	                                user (borrowed from the persona), or
	                                NULL */
	enum category offered;       /* the topic the host last offered */
	size_t self_words;           /* words the user said about themselves */
	bool farewell_given;         /* the host said its farewell */
	uint64_t farewell_at;        /* ... when the user's thanks or goodbye
	                                drew it (elapsed ms) */
	bool greeted;                /* the user has said hello */
	bool said_well;              /* the host has said how it is */
	const char *person_of;       /* the reply that named someone the
	                                user asked about (a turn's reply), or
	                                NULL */
	size_t person_turn;          /* ... the turn that asked */
	char who_told[64];           /* the person the host last said who
	                                they are ("" while none) */
	const char *plain_of;        /* the answer last put more plainly
	                                (a turn's reply), or NULL */
	size_t plain_n;              /* ... times in a row */
	char **coach_said;           /* what the coach said this turn (owned) */
	size_t ncoach, capcoach;
	size_t coach_shown;          /* ... of which shown so far: the coach
	                                speaks after the host's reply */
	bool in_turn;                /* a line said to the host is being answered */
	bool end_hinted;             /* the coach has said how to end (/end) */
	bool over_hinted;            /* ... and, to a line after the farewell,
	                                that the meeting is over */
	bool closed_told;            /* the coach has said once what a closed
	                                question costs: later ones are only
	                                counted (/flags, the report) */
	struct pattern thanks;       /* recognises a thank-you */
	uint64_t notice_at[NOTICE_COUNT];  /* when each falls due (ms) */
	char *notice_text[NOTICE_COUNT];   /* what each notice said once given,
	                                      NULL until then (owned) */
	uint64_t ended_at;           /* elapsed ms when it ended */
	char *later;                 /* the other of two questions on one line
	                                that the host took one at a time, to
	                                answer when the user gives it room
	                                (owned), or NULL */
};

/* A thank-you that closes the meeting: for the host's time, for the
 * conversation (matched caseless on the line as typed). */
static const char thanks_pattern[] =
    "\\bfor\\s+(?:all\\s+)?(?:your|the)\\s+(?:time|help|advice|insights?)\\b"
    "|\\bfor\\s+(?:meeting|talking|speaking|seeing|chatting|making\\s+(?:the\\s+)?time|"
    "taking\\s+the\\s+time|doing\\s+this|this\\s+(?:chat|conversation|call|meeting))\\b"
    "|\\btoday\\b";

/* The host asks something back after this many questions answered. */
#define ASK_BACK_AFTER 4

/* A topic this sure keeps its own replies, even when the question names
 * another topic's keyword. */
#define SURE_TOPIC 0.8f

/* ... unless the user has already said this many words about
 * themselves. */
#define SAID_ENOUGH 15

/* The wrap-up notice comes this long before the end of a meeting of
 * usual length or more (a shorter one gets it at five sixths). */
#define WRAP_UP_MS (5 * 60 * 1000)

/* Talk may run over the planned end by a tenth of it, at most this. */
#define GRACE_MAX_MS (3 * 60 * 1000)

uint64_t
session_elapsed(const struct session *s)
{
	return clock_now(s->cfg.clock) - s->priv->start_ms;
}

uint64_t
session_time_used(const struct session *s)
{
	return session_over(s) ? s->priv->ended_at : session_elapsed(s);
}

uint64_t
session_planned_ms(const struct session *s)
{
	return (uint64_t)s->cfg.duration * 1000;
}

bool
session_usual_length(const struct session *s)
{
	return session_planned_ms(s) >= (uint64_t)MEETING_USUAL_MIN_S * 1000;
}

/* The meeting's agreed length in minutes: the timer's, or the half hour
 * a host usually keeps free. */
static unsigned long
agreed_minutes(const struct session *s)
{
	uint64_t planned = session_planned_ms(s);
	return planned > 0 ? (unsigned long)((planned + 59999) / 60000) : 30;
}

/* line with every "{duration}" replaced by the agreed length in words
 * ("half an hour", "an hour", "1 minute", "45 minutes"), as a persona's
 * opening and farewell may say it.  Newly allocated. */
static char *
with_duration(const char *line, unsigned long minutes)
{
	char words[32];
	host_duration_words(minutes, words, sizeof words);
	return host_fill_duration(line, words);
}

/* text (taken) fitted to the user's time of day: Colm's "Good
 * afternoon" is "Good morning" at nine (host_time_of_day).  As written
 * unless the session says so (local_greeting), and under a virtual
 * clock, whose day is a fixed one. */
static char *
at_time_of_day(const struct session *s, char *text)
{
	if (text == NULL || !s->cfg.local_greeting || s->cfg.clock == NULL || clock_is_virtual(s->cfg.clock))
		return text;
	time_t now = clock_wall(s->cfg.clock);
	struct tm tm;
	if (localtime_r(&now, &tm) == NULL)
		return text;
	char *r = host_time_of_day(text, tm.tm_hour);
	free(text);
	return r;
}

/* Show and record one line now. */
static void
say_now(struct session *s, enum voice v, const char *text)
{
	const char *who = v == VOICE_HOST ? s->cfg.persona->name : v == VOICE_COACH ? "coach" : "infocoach";
	if (s->cfg.transcript != NULL && v != VOICE_INFO) {
		if (transcript_append(s->cfg.transcript, who, text, clock_wall_ms(s->cfg.clock)) != 0 &&
		    !s->save_failed) {
			s->save_failed = true;
			s->cfg.say(s->cfg.say_arg, VOICE_INFO, "infocoach", transcript_error(s->cfg.transcript));
		}
	}
	s->cfg.say(s->cfg.say_arg, v, who, text);
}

/* The coach's remarks on the line being answered, held until the host
 * has replied: show those not shown yet. */
static void
coach_flush(struct session *s)
{
	struct session_private *p = s->priv;
	for (; p->coach_shown < p->ncoach; p->coach_shown++)
		say_now(s, VOICE_COACH, p->coach_said[p->coach_shown]);
}

void
session_say(struct session *s, enum voice v, const char *text)
{
	/* One rule for every remark on a line: the host replies first, the
	 * coach speaks after (coach_flush). */
	struct session_private *p = s->priv;
	if (v == VOICE_COACH && p->in_turn) {
		xgrow((void **)&p->coach_said, &p->capcoach, p->ncoach + 1, sizeof *p->coach_said);
		p->coach_said[p->ncoach++] = xstrdup(text);
		return;
	}
	say_now(s, v, text);
	if (v == VOICE_HOST && p->in_turn)
		coach_flush(s);
}

/* Record the user's own line in the transcript. */
static void
log_user(struct session *s, const char *text)
{
	if (s->cfg.transcript != NULL &&
	    transcript_append(s->cfg.transcript, "you", text, clock_wall_ms(s->cfg.clock)) != 0 &&
	    !s->save_failed) {
		s->save_failed = true;
		s->cfg.say(s->cfg.say_arg, VOICE_INFO, "infocoach", transcript_error(s->cfg.transcript));
	}
}

/* Record how the meeting ended (one of the TRANSCRIPT_END texts); the
 * display is not told: what it shows comes next. */
static void
log_end(struct session *s, const char *how)
{
	if (s->cfg.transcript != NULL &&
	    transcript_append(s->cfg.transcript, TRANSCRIPT_PROGRAM, how, clock_wall_ms(s->cfg.clock)) != 0 &&
	    !s->save_failed) {
		s->save_failed = true;
		s->cfg.say(s->cfg.say_arg, VOICE_INFO, "infocoach", transcript_error(s->cfg.transcript));
	}
}

struct session *
session_new(const struct session_config *cfg)
{
	struct session *s = xcalloc(1, sizeof *s);
	s->priv = xcalloc(1, sizeof *s->priv);
	s->cfg = *cfg;
	s->priv->m = matcher_new();
	host_init(&s->host, cfg->persona, cfg->seed);
	s->host.field = cfg->bank != NULL ? cfg->bank->field : NULL;
	if (cfg->bank != NULL) {
		s->host.peers = cfg->bank->personas;
		s->host.npeers = cfg->bank->npersonas;
	}
	pattern_compile_builtin(&s->priv->thanks, thanks_pattern);
	s->priv->start_ms = clock_now(cfg->clock);
	struct model *model = assessor_model(cfg->assessor);
	dialogue_init(&s->priv->dlg, model != NULL ? model_thresholds(model) : NULL);
	s->priv->offered = CAT_NONE;

	uint64_t d = session_planned_ms(s);
	if (d > 0) {
		uint64_t *at = s->priv->notice_at;
		at[NOTICE_START] = 0;
		at[NOTICE_HALF] = d / 2;
		at[NOTICE_FIVE] = session_usual_length(s) ? d - WRAP_UP_MS : d * 5 / 6;
		at[NOTICE_TIMEUP] = d;
		at[NOTICE_END] = d + session_grace_ms(s);
	}
	const struct persona *p = cfg->persona;
	session_tick(s);
	s->priv->opening = at_time_of_day(s, with_duration(p->opening, agreed_minutes(s)));
	session_say(s, VOICE_HOST, s->priv->opening);
	const char *ask = host_ask(&s->host);
	if (ask != NULL) {
		session_say(s, VOICE_HOST, ask);
		dialogue_host_asked(&s->priv->dlg);
		s->priv->opening_ask = ask;
		s->priv->last_ask = ask;
	}
	return s;
}

void
session_free(struct session *s)
{
	if (s == NULL)
		return;
	for (size_t i = 0; i < s->nturns; i++) {
		free(s->turns[i].text);
		free(s->turns[i].reply);
	}
	free(s->turns);
	free(s->flags);
	free(s->thanks_path);
	free(s->unsent);
	free(s->last_text);
	free(s->last_norm);
	for (size_t i = 0; i < s->priv->ncoach; i++)
		free(s->priv->coach_said[i]);
	free(s->priv->coach_said);
	free(s->priv->opening);
	free(s->priv->later);
	for (int n = 0; n < NOTICE_COUNT; n++)
		free(s->priv->notice_text[n]);
	pattern_free(&s->priv->thanks);
	host_free(&s->host);
	matcher_free(s->priv->m);
	free(s->priv);
	free(s);
}

enum session_state
session_state(const struct session *s)
{
	return s->priv->state;
}

bool
session_over(const struct session *s)
{
	return s->priv->state != SESSION_OPEN;
}

bool
session_quit(const struct session *s)
{
	return s->priv->state == SESSION_QUIT;
}

bool
session_ended_by_clock(const struct session *s)
{
	return s->priv->state == SESSION_ENDED_BY_CLOCK;
}

const char *
session_kind_label(enum flag_kind k)
{
	switch (k) {
	case KIND_JOB_ASK: return "job ask";
	case KIND_SALARY: return "pay question";
	case KIND_GOOGLEABLE: return "answer is on their website";
	case KIND_CLOSED: return "closed question";
	default: return "flag";
	}
}


/* The coach's remarks on the closing questions as they come. */
static void
coach_closing(struct session *s, enum category cat)
{
	if (cat == CAT_REFERRALS && s->asked[cat] == 1)
		session_say(s, VOICE_COACH, s->asked[CAT_MENTION_NAME] ?
		    "Good: you asked for referrals. That completes the closing questions." :
		    "Good closing question: referrals are how one conversation becomes three. "
		    "Ask next whether you may mention their name when you get in touch.");
	else if (cat == CAT_MENTION_NAME && s->asked[cat] == 1)
		session_say(s, VOICE_COACH, s->asked[CAT_REFERRALS] ?
		    "Good: asking to use their name opens doors. That completes the closing questions." :
		    "Good: asking to use their name opens doors. Remember to ask whom else you could talk to.");
}

static struct turn *
add_turn(struct session *s, const char *text, size_t len)
{
	xgrow((void **)&s->turns, &s->priv->capturns, s->nturns + 1, sizeof *s->turns);
	struct turn *t = &s->turns[s->nturns++];
	memset(t, 0, sizeof *t);
	t->at_ms = session_elapsed(s);
	t->text = xstrndup(text, len);
	t->cat = CAT_NONE;
	t->cat2 = CAT_NONE;
	return t;
}

/* "Sorry, I didn't catch that, could you say it again?" is at most this
 * many words; a longer line with a question word asks something new. */
#define REPEAT_WORDS 8

/* Letters a bare "term?" line may have besides the term: "sorry", "and a",
 * "the". */
#define BARE_REST 8

/* Whether the normalised line q asks what something means: a short line
 * ("brain sheet?"), or "what's", "what is", "mean", "like a", "is that". */
static bool
asks_meaning(const char *q, const char *term)
{
	size_t words = 1;
	for (const char *p = q; *p != '\0'; p++)
		words += *p == ' ';
	/* A short line asks what the term means when it is little more than
	 * the term ("brain sheet?", "sorry, huddle?"), not when it says
	 * something of its own ("client pushback on adjustments?"). */
	size_t rest = 0;
	const char *at = term != NULL ? strstr(q, term) : NULL;
	for (const char *p = q; *p != '\0'; p++)
		if (*p >= 'a' && *p <= 'z' && (at == NULL || p < at || p >= at + strlen(term)))
			rest++;
	bool bare = words <= 4 && rest <= BARE_REST;
	/* "What's busy season like?" asks about it, not what it is. */
	if (strstr(q, " like?") != NULL || strstr(q, " like ") != NULL || strstr(q, "happening") != NULL)
		return strstr(q, "is that like") != NULL || strstr(q, "like a ") != NULL;
	/* "what's the ECT thing?", "what is PPA?": the term right after. */
	if (at != NULL) {
		static const char *const before[] = {"what's the ", "what is the ", "whats the ",
			"what's ", "what is ", "whats ", "what are ", "what're ", NULL};
		for (const char *const *b = before; *b != NULL; b++) {
			size_t n = strlen(*b);
			if ((size_t)(at - q) >= n && strncmp(at - n, *b, n) == 0)
				return true;
		}
	}
	/* "Huddle, is that a meeting?" asks about the term before it; "is
	 * that normal, for evaluation to take so long?" asks about the last
	 * answer, whatever word comes after. */
	const char *is_that = strstr(q, "is that");
	bool points_at_term = is_that != NULL && (at == NULL || is_that > at);
	return bare || strstr(q, "what's a ") != NULL || strstr(q, "what's an ") != NULL ||
	    strstr(q, "what is a ") != NULL || strstr(q, "what is an ") != NULL ||
	    strstr(q, "mean") != NULL || strstr(q, "stand for") != NULL || points_at_term ||
	    strstr(q, "exactly") != NULL;
}

/* The meeting length the normalised line q names, in minutes ("20 min",
 * "twenty minutes", "half an hour", "an hour"), or 0. */
static unsigned long
minutes_named(const char *q)
{
	static const struct {
		const char *words;
		unsigned long minutes;
	} spoken[] = {
		{"half an hour", 30}, {"half hour", 30}, {"an hour", 60}, {"one hour", 60},
		{"quarter of an hour", 15}, {"forty-five", 45}, {"forty five", 45}, {"twenty-five", 25},
		{"twenty five", 25}, {"fifteen", 15}, {"twenty", 20}, {"thirty", 30}, {"forty", 40},
		{"ten min", 10}, {"sixty", 60},
	};
	for (const char *p = q; *p != '\0'; p++) {
		if (*p < '0' || *p > '9' || (p > q && p[-1] >= '0' && p[-1] <= '9'))
			continue;
		unsigned long n = strtoul(p, NULL, 10);
		const char *e = p + strspn(p, "0123456789");
		while (*e == ' ')
			e++;
		if (n >= 5 && n <= 120 && (strncmp(e, "min", 3) == 0 || strncmp(e, "m ", 2) == 0 ||
		    strcmp(e, "m") == 0 || *e == '?' || *e == '\0'))
			return n;
	}
	for (size_t i = 0; i < sizeof spoken / sizeof *spoken; i++)
		if (strstr(q, spoken[i].words) != NULL)
			return spoken[i].minutes;
	return 0;
}

/* Whether a thank-you closes the meeting: the closing questions are
 * asked, or it thanks the host for their time. */
static bool
closing_thanks(struct session *s, const char *text, size_t len)
{
	if (s->asked[CAT_REFERRALS] && s->asked[CAT_MENTION_NAME])
		return true;
	return pattern_match(s->priv->m, &s->priv->thanks, text, len, NULL, NULL) == 1;
}

/* Append the turn's event (SPEC 5a) to the events file. */
static void
write_event(struct session *s, const struct turn *t, const struct assessment *as)
{
	if (s->cfg.events == NULL)
		return;
	char *buf = NULL;
	size_t size = 0;
	FILE *fp = open_memstream(&buf, &size);
	if (fp == NULL)
		xalloc_die();
	fprintf(fp, "{\"turn\": %zu, \"at_ms\": %llu, \"said\": ", s->nturns,
	    (unsigned long long)t->at_ms);
	emit_json_string(fp, t->text);
	fprintf(fp, ", \"act\": \"%s\", \"category\": ", act_name(t->act));
	if (t->cat != CAT_NONE)
		fprintf(fp, "\"%s\"", category_name(t->cat));
	else
		fputs("null", fp);
	fprintf(fp, ", \"confidence\": %.2f, \"flags\": [", t->conf);
	for (size_t i = 0; i < as->nflags; i++) {
		fputs(i ? ", " : "", fp);
		emit_json_string(fp, as->flags[i].rule->id);
	}
	fputs("], \"reply\": ", fp);
	if (t->reply != NULL)
		emit_json_string(fp, t->reply);
	else
		fputs("null", fp);
	fputs(", \"coach\": [", fp);
	for (size_t i = 0; i < s->priv->ncoach; i++) {
		fputs(i ? ", " : "", fp);
		emit_json_string(fp, s->priv->coach_said[i]);
	}
	fputs("]}", fp);
	if (fclose(fp) != 0)
		xalloc_die();
	if (transcript_append_line(s->cfg.events, buf) != 0 && !s->events_failed) {
		s->events_failed = true;
		s->cfg.say(s->cfg.say_arg, VOICE_INFO, "infocoach", transcript_error(s->cfg.events));
	}
	free(buf);
}

/* A topic not asked about yet, of cat's tier first, or CAT_NONE. */
static enum category
untouched_topic(const struct session *s, enum category cat, enum category after)
{
	enum tier t = category_tier(cat);
	/* Start after the topic offered last, so the offers vary. */
	int start = after == CAT_NONE ? 0 : (int)after + 1;
	for (int pass = 0; pass < 2; pass++)
		for (int k = 0; k < CAT_COUNT; k++) {
			int c = (start + k) % CAT_COUNT;
			if (c != (int)cat && s->asked[c] == 0 && category_tier((enum category)c) != TIER_CLOSING &&
			    (pass == 1 || category_tier((enum category)c) == t))
				return (enum category)c;
		}
	return CAT_NONE;
}

/* Whether the normalised line q holds any of the phrases in list. */
static bool
holds_any(const char *q, const char *const *list)
{
	for (const char *const *w = list; *w != NULL; w++)
		if (strstr(q, *w) != NULL)
			return true;
	return false;
}

/* Whether the normalised line q asks for the last answer in plainer
 * words ("could you explain more simply?", "sorry, I didn't understand"). */
static bool
asks_simpler(const char *q)
{
	static const char *const simpler[] = {"more simple", "more simply", "simpler", "simple words",
		"plain words", "plainly", "explain simply", "don't understand", "do not understand",
		"didn't understand", "did not understand", "didn't get that", "rephrase",
		"say that again", "it another way", "that another way", "lost me", NULL};
	return holds_any(q, simpler);
}

/* Whether the normalised line q asks the host to say the last thing
 * again ("sorry, I didn't catch that", "could you repeat that?"). */
static bool
asks_repeat(const char *q)
{
	static const char *const again[] = {"didn't catch", "did not catch", "didnt catch",
		"not quite catch", "didn't quite catch", "didnt quite catch", "could you say that again",
		"missed that", "come again?", "repeat that", "repeat it", "say again", "say it again",
		"could you repeat", "can you repeat", "pardon?", NULL};
	return holds_any(q, again);
}

/* Whether the normalised line q, besides "sorry, I didn't catch that",
 * asks something of its own ("...what was your first job again?"): a
 * longer line with a question word. */
static bool
asks_anew(const char *q)
{
	static const char *const ask[] = {"what ", "who ", "how ", "why ", "where ", "when ", "which ",
		" is ", " was ", " are ", " do you ", " did you ", NULL};
	size_t words = 1;
	for (const char *p = q; *p != '\0'; p++)
		words += *p == ' ';
	return words > REPEAT_WORDS && holds_any(q, ask);
}

/* Whether the normalised line q asks how the host is. */
static bool
asks_how_are_you(const char *q)
{
	static const char *const how[] = {"how are you", "how r u", "how are u", "how r you",
		"how's it going", "hows it going", "how is it going", "how you doing", "how are things",
		"how's your day", "hows your day", "how is your day", "how have you been", "week going",
		"week been", "how was your weekend", "how was ur weekend", "good weekend", NULL};
	return holds_any(q, how);
}

/* What the host last said about the work itself (an answer to a
 * question or a follow-up) before turn `before`; NULL if nothing. */
static const char *
last_answer_before(const struct session *s, size_t before)
{
	for (size_t i = before; i-- > 0;) {
		const struct turn *t = &s->turns[i];
		if (t->answered && t->reply != NULL)
			return t->reply;
	}
	return NULL;
}

/* The same, before the current turn (the last one). */
static const char *
last_answer(const struct session *s)
{
	return s->nturns > 0 ? last_answer_before(s, s->nturns - 1) : NULL;
}

/* The host's "yes, that's typical" when the first sentence of the
 * normalised line q asks whether the last answer is normal; else NULL. */
static const char *
opens_with_confirm(const char *q)
{
	char first[256];
	size_t n = strcspn(q, "?");
	if (q[n] != '?' || n >= sizeof first)
		return NULL;
	memcpy(first, q, n);
	first[n] = '\0';
	return host_confirms(first);
}

static bool
closing_topic(enum category c)
{
	return c == CAT_REFERRALS || c == CAT_MENTION_NAME;
}

/* text[0..len) without its fillers and commas, newly allocated, its
 * length in *n ("and, um, what did you..." reads "and what did you..."). */
static char *
without_fillers(const char *text, size_t len, size_t *np)
{
	static const char *const fillers[] = {"um", "umm", "uh", "uhm", "erm", "er", "hmm", NULL};
	char *line = xmalloc(len + 1);
	size_t n = 0;
	for (size_t i = 0; i < len;) {
		if (text[i] == ',') {
			i++;
			continue;
		}
		size_t w = 0;
		while (i + w < len && isalpha((unsigned char)text[i + w]))
			w++;
		bool filler = false;
		for (const char *const *f = fillers; *f != NULL && w > 0 && !filler; f++)
			filler = strlen(*f) == w && strncasecmp(text + i, *f, w) == 0;
		if (filler) {
			i += w;
			continue;
		}
		if (w == 0) {
			/* One space for a run of them. */
			if (!(text[i] == ' ' && n > 0 && line[n - 1] == ' '))
				line[n++] = text[i];
			i++;
		} else {
			memcpy(line + n, text + i, w);
			n += w;
			i += w;
		}
	}
	line[n] = '\0';
	*np = n;
	return line;
}

/* Whether w starts with word (any case) followed by a space. */
static bool
starts_word(const char *w, const char *word)
{
	size_t k = strlen(word);
	return strncasecmp(w, word, k) == 0 && w[k] == ' ';
}

/* A second question that opens with a verb before its subject ("..., and
 * can I use your name?", "... n would it help"), after "and", "n",
 * "also" or a comma: the first ends at *cut, the second starts at
 * *second at its verb.  Nothing is set when there is none. */
static void
inverted_join(const char *line, size_t n, size_t *cut, size_t *second)
{
	static const char *const links[] = {", and ", " and ", " n ", ", also ", ", ", NULL};
	static const char *const verbs[] = {"can", "could", "may", "might", "should", "would", "will",
		"do", "does", "did", "is", "are", "was", "have", "has", "r", NULL};
	static const char *const subjects[] = {"i", "you", "u", "ya", "it", "we", "they", "he", "she",
		"there", NULL};
	for (const char *const *l = links; *l != NULL; l++) {
		size_t k = strlen(*l);
		for (const char *at = strcasestr(line, *l); at != NULL && at > line && (size_t)(at - line) < n;
		    at = strcasestr(at + 1, *l)) {
			const char *v = at + k;
			for (const char *const *vb = verbs; *vb != NULL; vb++) {
				if (!starts_word(v, *vb))
					continue;
				const char *subj = v + strlen(*vb) + 1;
				for (const char *const *sj = subjects; *sj != NULL; sj++) {
					if (starts_word(subj, *sj)) {
						*cut = (size_t)(at - line);
						*second = (size_t)(v - line);
						return;
					}
				}
			}
		}
	}
}

/* Where the second question of line[0..n) starts: after a question mark
 * with more to come, or at "and what", "n how", ", also how"...; the
 * first ends at *cut, the second starts at *second.  False for one. */
static bool
second_question(const char *line, size_t n, size_t *cutp, size_t *secondp)
{
	static const char *const joins[] = {" + ", " & ", " and what ", " and what's ", " and whats ", " and wat ",
		" and how ", " and who ", " and why ", " and which ", " and where ", " and when ",
		" and do you ", " and do u ", " and did you ", " and did u ", " and have you ",
		" and is it ", " and are ", " and r u ", " and can you ", " and could you ",
		" and would you ", " n wat ", " n what ", " n how ", " n who ", " n why ", " n do u ",
		" also what ", " also how ", " also who ", NULL};
	const char *mark = memchr(line, '?', n);
	size_t cut = 0, second = 0;
	if (mark != NULL && (size_t)(mark - line) + 1 < n) {
		cut = second = (size_t)(mark - line) + 1;
	} else {
		for (const char *const *j = joins; *j != NULL && cut == 0; j++) {
			const char *at = strcasestr(line, *j);
			if (at != NULL && at > line) {
				cut = (size_t)(at - line);
				/* The second question from its question word. */
				const char *w = line + cut;
				while (*w == ' ')
					w++;
				w += strcspn(w, " ");   /* past "and", "n", "also" */
				while (*w == ' ')
					w++;
				second = (size_t)(w - line);
			}
		}
	}
	if (cut == 0)
		inverted_join(line, n, &cut, &second);
	*cutp = cut;
	*secondp = second;
	return cut > 0 && second < n;
}

/* Whether the part after the first question asks something: a question
 * mark, or a question word first ("...with AI and stuff? sorry if that's
 * a cliche question" asks nothing more). */
static bool
part_asks(const char *part, size_t len)
{
	static const char *const opens[] = {"what", "what's", "whats", "wat", "how", "who", "why",
		"which", "where", "when", "do", "does", "did", "is", "are", "was", "were", "can", "could",
		"would", "will", "have", "has", "r", "and", "also", "n", NULL};
	bool asks = memchr(part, '?', len) != NULL;
	const char *w2 = part + strspn(part, " ");
	for (const char *const *o = opens; *o != NULL && !asks; o++) {
		size_t k = strlen(*o);
		asks = strncasecmp(w2, *o, k) == 0 && w2[k] == ' ';
	}
	return asks;
}

/* How likely the runner-up topic of the second of two questions must be
 * to be taken when the likelier one is the first question's. */
#define SECOND_TOPIC_AT_LEAST 0.15f

/* "What does a deputy head do?", "what do charge nurses do all day?":
 * asking what a job does asks about its days.  CAT_TYPICAL_DAY when the
 * normalised question q is that and the days are one of the two topics
 * a and b the understanding could not choose between, else CAT_NONE. */
static enum category
asks_what_job_does(const char *q, enum category a, enum category b)
{
	static const char *const opens[] = {"what does ", "what do ", "what exactly does ",
		"what exactly do ", "so what does ", "and what does ", NULL};
	static const char *const ends[] = {" do", " do all day", " do exactly", " do day to day",
		" actually do", " do each day", " do every day", NULL};
	if (a != CAT_TYPICAL_DAY && b != CAT_TYPICAL_DAY)
		return CAT_NONE;
	bool opened = false;
	for (const char *const *o = opens; *o != NULL && !opened; o++)
		opened = strncmp(q, *o, strlen(*o)) == 0;
	size_t n = strcspn(q, "?");
	while (n > 0 && (q[n - 1] == ' ' || q[n - 1] == '.' || q[n - 1] == '!'))
		n--;
	for (const char *const *e = ends; *e != NULL && opened; e++) {
		size_t k = strlen(*e);
		if (n > k && strncmp(q + n - k, *e, k) == 0)
			return CAT_TYPICAL_DAY;
	}
	return CAT_NONE;
}

/* The topic of one of two questions on a line that the understanding is
 * not sure of, settled as a single line's would be: by what a job does,
 * or by a keyword of one of the host's replies; else CAT_NONE. */
static enum category
settle_part(const struct session *s, const char *q, const struct assessment *a)
{
	if (closing_topic(a->cat) || closing_topic(a->cat2))
		return CAT_NONE;
	enum category k = asks_what_job_does(q, a->cat, a->cat2);
	return k != CAT_NONE ? k : host_keyword_pick(&s->host, q, a->cat, a->cat2);
}

/* Two questions on one line ("What do you like most? And what is
 * hardest?"), each sure of its own topic, different, and closing ones
 * only as the pair (referrals first): their topics in c[0] and c[1] and their normalised text in
 * q[0] and q[1] (newly allocated).  False when the line is not that. */
static bool
two_questions(struct session *s, const char *text, size_t len, enum category c[2], char *q[2],
    const char **means)
{
	size_t n;
	char *line = without_fillers(text, len, &n);
	size_t cut, second;
	if (!second_question(line, n, &cut, &second) || !part_asks(line + second, n - second)) {
		free(line);
		return false;
	}
	const char *part[2] = {line, line + second};
	size_t plen[2] = {cut, n - second};
	enum category found[2];
	char *norm[2] = {NULL, NULL};   /* each part normalised, for the replies */
	bool both = true;
	for (int i = 0; i < 2 && both; i++) {
		struct assessment a;
		assess_line(s->cfg.assessor, s->priv->m, part[i], plen[i], NULL, 0, &a);
		const struct norm *nm = assess_normalized(s->cfg.assessor);
		norm[i] = xstrndup(nm->text, nm->len);
		/* "...and do u like it": a yes/no question is still one. */
		enum flag_kind worst = dialogue_worst(&a);
		/* Closing questions only as the pair ("who else should I talk
		 * to? and may I mention your name?"). */
		bool closing_ok = i == 0 || (closing_topic(found[0]) && closing_topic(a.cat)) ||
		    (!closing_topic(found[0]) && !closing_topic(a.cat));
		/* "...? and wat is cpa": the second asks what a word of the
		 * field means. */
		const char *named = NULL;
		const char *nq = norm[i];
		const char *gloss = i == 1 && !closing_topic(found[0]) && worst == KIND_NONE ?
		    host_explain_as(&s->host, nq, &named) : NULL;
		if (a.cat != CAT_NONE && !assess_sure(s->cfg.assessor, &a)) {
			enum category k = settle_part(s, nq, &a);
			/* The second of two questions asks something else: of its
			 * two likely topics, the one the first did not take ("how
			 * did you start? why nights?"). */
			if (k == CAT_NONE && i == 1 && a.cat == found[0] && a.cat2 != CAT_NONE &&
			    !closing_topic(a.cat2) && a.cat2_conf >= SECOND_TOPIC_AT_LEAST)
				k = a.cat2;
			a.cat = k;   /* CAT_NONE when it stays unsure */
		}
		if (gloss != NULL && asks_meaning(nq, named)) {
			*means = gloss;
			found[1] = CAT_NONE;
		} else if ((worst != KIND_NONE && worst != KIND_CLOSED) || a.cat == CAT_NONE || !closing_ok ||
		    (i == 1 && a.cat == found[0])) {
			both = false;
		} else {
			found[i] = a.cat;
		}
	}
	if (!both)
		*means = NULL;
	/* Both sure: their topics and words, for the replies that fit them
	 * best; the names before the leave to use one's own. */
	int first = both && found[0] == CAT_MENTION_NAME ? 1 : 0;
	for (int i = 0; i < 2 && both; i++) {
		int k = (first + i) % 2;
		c[i] = found[k];
		q[i] = found[k] != CAT_NONE ? norm[k] : NULL;
		norm[k] = q[i] != NULL ? NULL : norm[k];
	}
	free(norm[0]);
	free(norm[1]);
	free(line);
	return both;
}

/* Each of two questions taken one at a time is at least this many
 * words ("Why?" after "Is that normal?" goes with it). */
#define OTHER_WORDS 3

/* Two questions on one line that two_questions() could not answer
 * together ("how long have you been there? do you like it?"), each a
 * plain question (no job ask, pay or website flag in either): the words
 * of the one the reply did not take (answered: the topic it took, or
 * CAT_NONE), newly allocated; NULL when the line is not that or both ask
 * the same thing. */
static char *
other_question(struct session *s, const char *text, size_t len, enum category answered)
{
	size_t n;
	char *line = without_fillers(text, len, &n);
	size_t cut, second;
	char *other = NULL;
	if (!second_question(line, n, &cut, &second) || !part_asks(line + second, n - second) ||
	    !part_asks(line, cut)) {
		free(line);
		return NULL;
	}
	const char *part[2] = {line, line + second};
	size_t plen[2] = {cut, n - second};
	enum category cat[2];
	bool plain = true;
	for (int i = 0; i < 2 && plain; i++) {
		struct assessment a;
		assess_line(s->cfg.assessor, s->priv->m, part[i], plen[i], NULL, 0, &a);
		enum flag_kind worst = dialogue_worst(&a);
		/* "Is that normal? Why?", "but why is that??": one question
		 * going on with the last answer, which the reply takes whole. */
		const struct norm *nm = assess_normalized(s->cfg.assessor);
		size_t words = 1;
		for (size_t j = 0; j < nm->len; j++)
			words += nm->text[j] == ' ';
		/* "Hi, how are you?" is answered with the other; "sorry, what
		 * was that?" asks for no answer of its own. */
		bool asks = !a.judged || a.act == ACT_QUESTION || a.act == ACT_FOLLOW_UP;
		plain = asks && (worst == KIND_NONE || worst == KIND_CLOSED) && words >= OTHER_WORDS &&
		    (i == 1 || host_confirms(nm->text) == NULL) && !dialogue_greets(nm->text) &&
		    !asks_how_are_you(nm->text);
		cat[i] = a.cat;
	}
	if (plain && !(cat[0] == cat[1] && cat[0] != CAT_NONE)) {
		int k = answered != CAT_NONE && answered == cat[1] && answered != cat[0] ? 0 : 1;
		other = xstrndup(part[k], plen[k]);
	}
	free(line);
	return other;
}

/* Whether a line gives the host room to come back to the other of two
 * questions: a short reaction ("ok", "got it", "cool thx") or asking for
 * it ("and the other question?"). */
static bool
gives_room(const char *text, size_t len)
{
	static const char *const asks_it[] = {"other question", "second question", "other one",
		"second one", "my other", "the other", NULL};
	static const char *const reacts[] = {"ok", "okay", "k", "sure", "cool", "great", "right",
		"got it", "i see", "makes sense", "go on", "yes", "yeah", "yep", "nice", "interesting",
		"wow", "and", "alright", "all right", "thanks", "thank you", "thx", "fair enough", NULL};
	char *line = xstrndup(text, len);
	for (char *c = line; *c != '\0'; c++)
		*c = (char)tolower((unsigned char)*c);
	bool room = false;
	for (const char *const *w = asks_it; *w != NULL && !room; w++)
		room = strstr(line, *w) != NULL;
	size_t words = 1;
	for (const char *c = line; *c != '\0'; c++)
		words += *c == ' ';
	for (const char *const *w = reacts; *w != NULL && !room && words <= 4 &&
	    strchr(line, '?') == NULL; w++) {
		size_t k = strlen(*w);
		room = strncmp(line, *w, k) == 0 && !isalpha((unsigned char)line[k]);
	}
	free(line);
	return room;
}

/* The host's last replies before turn `before`, the latest first, into
 * recent[0..max); returns how many. */
static size_t
recent_replies(const struct session *s, size_t before, const char **recent, size_t max)
{
	size_t n = 0;
	for (size_t i = before; i-- > 0 && n < max;)
		if (s->turns[i].reply != NULL)
			recent[n++] = s->turns[i].reply;
	return n;
}

/* Everything the host has said before turn `before`, its replies the
 * latest first and its opening words last, into a new array (free it);
 * *n is how many. */
static const char **
said_so_far(const struct session *s, size_t before, size_t *n)
{
	const char **all = xmalloc((before + 1) * sizeof *all);
	*n = recent_replies(s, before, all, before);
	if (s->priv->opening != NULL)
		all[(*n)++] = s->priv->opening;
	return all;
}

/* Whether the line just assessed asks what a word the host used means,
 * or who someone is that the host named or points at with "she" or
 * "that person" (before the line's own turn is added). */
static bool
asks_word_said(const struct session *s)
{
	const char *q = assess_normalized(s->cfg.assessor)->text;
	/* "who is she, exactly?", "whos that". */
	if (host_asks_who_pointing(q))
		return true;
	size_t n;
	const char **said = said_so_far(s, s->nturns, &n);
	const char *naming = host_reply_naming(said, n, q);
	/* "who's Devika?" or "who is pell and archer?" about a name the
	 * host used. */
	char asked[48];
	bool r = naming != NULL && (strstr(q, "mean") != NULL || (strstr(q, "who") != NULL &&
	    host_asked_word(q, asked, sizeof asked) && host_said_name(naming, asked)));
	free(said);
	return r;
}

/* as without its flags of kind k. */
static void
drop_kind(struct assessment *as, enum flag_kind k)
{
	size_t j = 0;
	for (size_t i = 0; i < as->nflags; i++)
		if (as->flags[i].rule->kind != k)
			as->flags[j++] = as->flags[i];
	as->nflags = j;
}

/* How many questions the host has answered so far. */
static size_t
questions_asked(const struct session *s)
{
	size_t n = 0;
	for (int c = 0; c < CAT_COUNT; c++)
		n += s->asked[c];
	return n;
}

/* A sentence of the persona's words as the host says it (said, newly
 * allocated, or NULL): "{duration}" in its opening as the agreed length
 * ("I've got half an hour before a line changeover").  Takes said. */
static char *
opening_said(struct session *s, char *said)
{
	if (said == NULL || strstr(said, "{duration}") == NULL)
		return said;
	char *r = with_duration(said, agreed_minutes(s));
	free(said);
	return r;
}

/* yn ("Yes, I do.") before reply r, newly allocated: a reply that opens
 * with a clause that cannot stand alone ("When everything ties out.")
 * joins the yes ("Yes, I do, especially when everything ties out."). */
static char *
yes_then(const char *yn, const char *r)
{
	static const struct {
		const char *opens, *joined;
	} clauses[] = {
		{"When ", "especially when "}, {"Whenever ", "especially whenever "},
		{"Because ", "because "}, {"If ", "if "}, {NULL, NULL},
	};
	size_t n = strlen(yn);
	/* "Is it boring?" gets its no, then what the host likes: "Not
	 * really. I like it most when everything ties out." */
	if (strncmp(yn, "Not", 3) == 0) {
		size_t end = strcspn(r, ".!?");
		if (strncmp(r, "When ", 5) == 0 && memchr(r, ',', end) == NULL)
			return xasprintf("%s I like it most when %s", yn, r + 5);
		return xasprintf("%s %s", yn, r);
	}
	for (size_t i = 0; clauses[i].opens != NULL && n > 1 && yn[n - 1] == '.'; i++) {
		size_t k = strlen(clauses[i].opens);
		/* Only a clause that ends its sentence unanswered: "When
		 * everything ties out.", not "When I started, I ...". */
		size_t end = strcspn(r, ".!?");
		if (strncmp(r, clauses[i].opens, k) == 0 && memchr(r, ',', end) == NULL)
			return xasprintf("%.*s, %s%s", (int)(n - 1), yn, clauses[i].joined, r + k);
	}
	return xasprintf("%s %s", yn, r);
}

/* The answer to a question on u's topic: the host's reply (or its "which
 * did you mean?", or its yes to leave asked), said to be a guess when the
 * topic is unclear, after a yes when it first confirms the last answer. */
static char *
answer_question(struct session *s, struct turn *t, const struct understanding *u)
{
	const char *q = s->last_norm;
	if (u->unsure)
		return host_unsure(&s->host, u->cat, u->alt);
	if (u->leave)
		return host_leave(&s->host);
	/* "you still code?" with no sure topic: rather than a guess at one,
	 * the yes or no its own words give, when they do. */
	if (!u->topic_sure && u->cat != CAT_NONE && yesno_question(q)) {
		char *said = NULL;
		enum yesno a = yesno_stance(s->cfg.persona, q, CAT_NONE, NULL, &said);
		const char *yn = yesno_words(q, CAT_NONE, a);
		said = opening_said(s, said);
		if (yn != NULL && said != NULL) {
			char *r = yesno_opens(said) ? xstrdup(said) : xasprintf("%s %s", yn, said);
			free(said);
			/* No topic was answered, nor guessed at: the turn has
			 * none, and "and u like it?" next goes on with none. */
			dialogue_settle(&s->priv->dlg, CAT_NONE);
			if (t->cat != CAT_NONE && !t->counted && s->unclear > 0)
				s->unclear--;
			t->cat = CAT_NONE;
			return r;
		}
		free(said);
	}
	t->answered = u->cat != CAT_NONE;
	char *r = host_reply_to(&s->host, u->cat, q, s->last_as.cat_conf >= SURE_TOPIC);
	/* A guess at an unclear question says so: the report will not count
	 * the topic as covered. */
	if (r != NULL && !u->topic_sure && u->cat != CAT_NONE && !closing_topic(u->cat) &&
	    s->host.last_cat == u->cat) {
		host_lower_first(&s->host, r);
		char *g = xasprintf("If you mean %s: %s", category_topic(u->cat), r);
		free(r);
		r = g;
	} else if (r != NULL && u->cat != CAT_NONE && yesno_question(q) && !yesno_opens(r)) {
		/* "Do u like it?": its yes or no first, when its words say
		 * which. */
		const char *yn = yesno_words(q, u->cat, yesno_stance(s->cfg.persona, q, u->cat, r, NULL));
		/* "Do you still teach history?" about the host itself: when the
		 * reply does not say, any of its words that do ("I've been
		 * teaching for eighteen years, history mostly"), the sentence
		 * too unless the user has heard it in the opening or hears it
		 * now. */
		char *said = NULL;
		if (yn == NULL && strstr(q, "still") != NULL)
			yn = yesno_words(q, CAT_NONE, yesno_stance(s->cfg.persona, q, CAT_NONE, NULL, &said));
		if (yn != NULL && said != NULL && !yesno_opens(said) && strstr(r, said) == NULL &&
		    (s->cfg.persona->opening == NULL || strstr(s->cfg.persona->opening, said) == NULL)) {
			char *y = xasprintf("%s %s %s", yn, said, r);
			free(r);
			r = y;
		} else if (yn != NULL) {
			char *y = yes_then(yn, r);
			free(r);
			r = y;
		}
		free(said);
	}
	/* "Is that normal? Like, do all nurses work weekends?" after an
	 * answer: its yes, then the new question's answer. */
	const char *yes = r != NULL && last_answer(s) != NULL ? opens_with_confirm(q) : NULL;
	if (yes == NULL)
		return r;
	char *both = xasprintf("%s %s", yes, r);
	free(r);
	return both;
}

/* The answer to a question put right ("sorry, I meant what made you
 * leave banking"): the reply that fits what it adds, its topic the
 * turn's instead of the one guessed, or an admission that the host has
 * nothing on it, which covers no topic; NULL when it adds nothing to go
 * on. */
static char *
answer_correction(struct session *s, struct turn *t, const struct understanding *u)
{
	const char *before = s->nturns >= 2 ? s->turns[s->nturns - 2].text : NULL;
	enum category got = CAT_NONE;
	char *r = host_correction(&s->host, u->cat, u->topic_sure, s->last_norm, before, &got);
	if (r == NULL)
		return NULL;
	if (t->counted && t->cat != CAT_NONE && s->asked[t->cat] > 0 && got != t->cat) {
		s->asked[t->cat]--;
		if (got != CAT_NONE)
			s->asked[got]++;
		else
			t->counted = false;
	}
	if (t->cat != CAT_NONE)
		t->cat = got;
	t->answered = got != CAT_NONE;
	dialogue_settle(&s->priv->dlg, got);
	return r;
}

/* The word asked about in "why physics tho?", "so why history?" (the
 * normalised q), when the host's last reply (said) used it: into buf
 * (len bytes); false when q asks no such thing. */
static bool
why_word(const char *q, const char *said, char *buf, size_t len)
{
	static const char *const leads[] = {"so ", "but ", "and ", "ok ", "okay ", "oh ", NULL};
	static const char *const filler[] = {"tho", "though", "then", "exactly", "that", "this", "did",
		"do", "you", "u", "choose", "chose", "pick", "picked", "study", "studied", "go", "went",
		"for", "into", "was", "is", "it", "the", "a", "an", "so", "of", "all", "things", NULL};
	for (const char *const *l = leads; *l != NULL; l++)
		if (strncmp(q, *l, strlen(*l)) == 0)
			q += strlen(*l);
	if (said == NULL || strncmp(q, "why ", 4) != 0)
		return false;
	size_t used = 0, words = 0;
	for (const char *p = q + 4; *p != '\0';) {
		size_t n = 0;
		while (isalnum((unsigned char)p[n]) || p[n] == '-' || p[n] == '\'')
			n++;
		if (n == 0) {
			p++;
			continue;
		}
		bool fill = false;
		for (const char *const *f = filler; *f != NULL && !fill; f++)
			fill = strlen(*f) == n && strncmp(p, *f, n) == 0;
		if (!fill) {
			if (++words > 2 || used + n + 2 > len)
				return false;
			used += (size_t)snprintf(buf + used, len - used, "%s%.*s", used > 0 ? " " : "",
			    (int)n, p);
		}
		p += n;
	}
	if (words == 0)
		return false;
	for (const char *at = strcasestr(said, buf); at != NULL; at = strcasestr(at + 1, buf))
		if ((at == said || !isalnum((unsigned char)at[-1])) && !isalnum((unsigned char)at[used]))
			return true;
	return false;
}

/* The answer to going deeper on the same topic: the last reply's
 * follow-ups, then another reply on the topic; when there is none left,
 * the host says so and offers another topic. */
static char *
answer_follow_up(struct session *s, struct turn *t, const struct understanding *u)
{
	const char *q = s->last_norm;
	if (u->cat == CAT_NONE)
		return host_nothing_yet(&s->host);
	t->answered = true;
	/* "And before that?" after how it got in: what came earlier. */
	if (dialogue_asks_before(q) && s->host.last_cat == CAT_ENTRY_PATH)
		return host_before(&s->host);
	/* ... and after anything else, what the host did before this work:
	 * how it got in. */
	if (dialogue_asks_before(q) && s->cfg.persona->replies[CAT_ENTRY_PATH].n > 0)
		return host_reply_to(&s->host, CAT_ENTRY_PATH, q, true);
	if (s->host.last_cat != u->cat)
		return host_reply_to(&s->host, u->cat, q, s->last_as.cat_conf >= SURE_TOPIC);
	/* "Is it stressful?" after the hard parts: its yes first, then
	 * more on them, with no "one more thing" before the yes. */
	/* "Why physics?" about a word of the last answer: about that word,
	 * not the reason for its last sentence. */
	char word[64];
	if (why_word(q, last_answer(s), word, sizeof word)) {
		char *r = host_why_word(&s->host, word);
		if (r != NULL)
			return r;
	}
	const char *feels = yesno_feeling(q) == u->cat ?
	    yesno_words(q, u->cat, yesno_stance(s->cfg.persona, q, u->cat, NULL, NULL)) : NULL;
	char *more = host_follow_up(&s->host, q);
	/* Then another reply on the topic, as going on. */
	if (more == NULL && s->cfg.persona->extra[u->cat] != NULL)
		more = feels != NULL ? host_reply_to(&s->host, u->cat, q, true) :
		    host_another(&s->host, u->cat);
	if (more != NULL) {
		/* "Is that normal?" gets its yes first. */
		const char *yes = feels != NULL && !yesno_opens(more) ? feels : host_confirms(q);
		if (yes == NULL)
			return more;
		char *r = xasprintf("%s %s", yes, more);
		free(more);
		return r;
	}
	if (s->cfg.persona->extra[u->cat] == NULL)
		return host_reply_to(&s->host, u->cat, q, s->last_as.cat_conf >= SURE_TOPIC);
	/* Offer a different topic each time it runs dry. */
	t->answered = false;
	enum category offer = untouched_topic(s, u->cat, s->priv->offered);
	s->priv->offered = offer;
	dialogue_suggest(&s->priv->dlg, offer);
	return host_no_more(&s->host, offer);
}

/* src lowercased (ASCII) into dst[0..cap), cut to fit. */
static void
lower_copy(char *dst, size_t cap, const char *src)
{
	size_t n = 0;
	for (; src[n] != '\0' && n + 1 < cap; n++)
		dst[n] = (char)tolower((unsigned char)src[n]);
	dst[n] = '\0';
}

/* One more thing the host's words say about the person name, that it
 * has not said yet this session (newly allocated), or NULL. */
static char *
more_about(const struct session *s, const char *name)
{
	size_t n;
	const char **said = said_so_far(s, s->nturns, &n);
	char *more = people_more(s->cfg.persona, name, said, n);
	free(said);
	return more;
}

/* A name as the user asked it, capitalised, into name (len bytes):
 * "rachel" reads "Rachel". */
static void
name_as_asked(char *name, size_t len, const char *word)
{
	snprintf(name, len, "%s", word);
	for (char *c = name; *c != '\0'; c++)
		if (c == name || c[-1] == ' ' || c[-1] == '-')
			*c = (char)toupper((unsigned char)*c);
}

/* The answer to "who is Bev?" about someone the host has named (word:
 * their name or a part of it, as asked): who they are to the host, when
 * it has not said so yet in answer to such a question ("Bev Thornton is
 * our senior planner."), then more about them when the reply that named
 * them (just now, when fresh) has it; with nothing left to tell, that
 * this is all it knows. */
static char *
who_they_are(struct session *s, struct turn *t, const char *word, bool fresh)
{
	char want[64], name[64];
	lower_copy(want, sizeof want, word);
	char *who = people_identity(s->cfg.persona, want, name, sizeof name);
	if (who == NULL) {
		name_as_asked(name, sizeof name, word);
	} else if (strcmp(s->priv->who_told, name) == 0) {
		free(who);
		who = NULL;
	}
	char *more = fresh ? host_about_person(&s->host, s->last_norm) : NULL;
	if (more == NULL)
		more = more_about(s, name);
	if (who == NULL && more == NULL)
		return host_told_all_about(&s->host, name);
	t->answered = true;
	if (who == NULL)
		return more;
	snprintf(s->priv->who_told, sizeof s->priv->who_told, "%s", name);
	if (more == NULL)
		return who;
	char *both = xasprintf("%s %s", who, more);
	free(who);
	free(more);
	return both;
}

/* The answer to "who is she, exactly?" or "who is that person?": more
 * about the person the host named last (recent[0..n), the latest reply
 * first), while that is what it has just been talking about, else that
 * it has told all it knows; with nobody named lately, "who do you
 * mean?". */
static char *
answer_who_pointing(struct session *s, struct turn *t, const char *const *recent, size_t n)
{
	char name[64];
	size_t i = 0;
	while (i < n && !host_person_named(&s->host, recent[i], NULL, name, sizeof name))
		i++;
	/* "Bev made me put the phone down": named by a first name alone,
	 * just now. */
	if ((i == n || i > 0) && n > 0 && people_named_in(s->cfg.persona, recent[0], name, sizeof name))
		i = 0;
	/* "The transport manager, who had noticed me..." in one of the last
	 * two replies: that person, as the reply put it, with no name made
	 * up. */
	for (size_t k = 0; i == n && k < n && k < 2; k++) {
		char *who = recent[k] != s->priv->opening ? host_unnamed_person(recent[k]) : NULL;
		if (who != NULL) {
			t->answered = true;
			char *r = xasprintf("That was %s.", who);
			free(who);
			return r;
		}
	}
	if (i == n)
		return host_who_do_you_mean(&s->host);
	bool fresh = recent[i] == last_answer(s) ||
	    (recent[i] == s->priv->person_of && s->priv->person_turn + 2 == s->nturns);
	if (fresh) {
		s->priv->person_of = recent[i];
		s->priv->person_turn = s->nturns - 1;
	}
	return who_they_are(s, t, name, fresh);
}

/* "who is bev and owen?": two people named with "and", one of them at
 * least someone the host's words name, are no firm.  Who each is to the
 * host, or that it never named them; NULL when asked (as host_asked_word
 * gives it) is not two names so joined, names a firm (one the host's
 * words name, or one a word such as "Ltd" ends), or names no one the
 * host knows. */
static char *
answer_two_people(struct session *s, struct turn *t, const char *asked)
{
	const char *and = strstr(asked, " and ");
	size_t skip = 5;
	if (and == NULL) {
		and = strstr(asked, " & ");
		skip = 3;
	}
	char part[2][48], name[64];
	if (and == NULL || and == asked || and[skip] == '\0' ||
	    strstr(and + skip, " and ") != NULL || strstr(and + skip, " & ") != NULL)
		return NULL;
	snprintf(part[0], sizeof part[0], "%.*s", (int)(and - asked), asked);
	snprintf(part[1], sizeof part[1], "%s", and + skip);
	if (firm_name(part[0]) || firm_name(part[1]))
		return NULL;
	char *firm = firm_about(s->cfg.persona, asked, NULL, 0, name, sizeof name);
	if (firm != NULL) {
		free(firm);
		return NULL;
	}
	char *said[2], as[2][48];
	for (int k = 0; k < 2; k++) {
		char want[64];
		lower_copy(want, sizeof want, part[k]);
		said[k] = people_identity(s->cfg.persona, want, name, sizeof name);
		name_as_asked(as[k], sizeof as[k], part[k]);
	}
	/* Neither someone the host knows: "Pell and Archer" may as well
	 * be a firm, and the host says it does not know it. */
	if (said[0] == NULL && said[1] == NULL)
		return NULL;
	t->answered = true;
	for (int k = 0; k < 2; k++)
		if (said[k] == NULL)
			said[k] = xasprintf("I don't think I mentioned anyone called %s.", as[k]);
	char *r = xasprintf("%s %s", said[0], said[1]);
	free(said[0]);
	free(said[1]);
	return r;
}

/* The answer to "what do you mean?": what a word means, the last thing
 * said again, an example of it, or the last answer more plainly (the next
 * sentence of it when asked again). */
static char *
answer_clarify(struct session *s, struct turn *t)
{
	const char *q = s->last_norm;
	const char *means = host_explain(&s->host, q);
	t->answered = means != NULL;
	if (means != NULL)
		return xstrdup(means);
	/* "Sorry, I didn't catch that": the last thing said, again (the turn
	 * before this one holds it). */
	const char *last = s->nturns >= 2 ? s->turns[s->nturns - 2].reply : NULL;
	if (asks_repeat(q) && last != NULL)
		return xasprintf("Of course. %s", last);
	/* The reply that used the word asked about ("who's Raj again?" after
	 * the names, then "of course, use my name"). */
	size_t nrecent;
	const char **recent = said_so_far(s, s->nturns - 1, &nrecent);
	const char *naming = host_reply_naming(recent, nrecent, q);
	bool who = strstr(q, "who") != NULL;
	if (who && host_asks_who_pointing(q)) {
		char *r = answer_who_pointing(s, t, recent, nrecent);
		free(recent);
		return r;
	}
	free(recent);   /* naming points into the turns, not the array */
	/* "What do you mean by that?" or by a word of the answer just given
	 * ("mobile clinic van?"): an example of it, when the reply has one to
	 * give. */
	/* "Who is Aisha Noor?" just after the host named her: more about
	 * her, when the reply has it. */
	/* ... or just after the host said more about them. */
	bool again = s->priv->person_of != NULL && s->priv->person_turn + 2 == s->nturns;
	bool just_named = naming == last || (again && naming == s->priv->person_of);
	char asked[48], name[64];
	bool reminded = strstr(q, "again") != NULL || strstr(q, "remind") != NULL;
	bool asked_one = host_asked_word(q, asked, sizeof asked);
	char *two = who && asked_one ? answer_two_people(s, t, asked) : NULL;
	if (two != NULL)
		return two;
	if (who && naming != NULL && just_named && (last == last_answer(s) || naming == s->priv->person_of)) {
		s->priv->person_of = naming;
		s->priv->person_turn = s->nturns - 1;
		/* The user has just read the sentence that named them: not
		 * that again, unless they ask to be reminded ("who's Raj
		 * again?"), but who they are and more about them. */
		if (!reminded && asked_one)
			return who_they_are(s, t, asked, true);
		char *more = host_about_person(&s->host, q);
		if (more != NULL) {
			t->answered = true;
			return more;
		}
	}
	/* "who's Devika?" about someone named a little earlier, or in an
	 * explanation: not the naming sentence again either. */
	if (who && naming != NULL && !reminded && asked_one &&
	    host_person_named(&s->host, naming, asked, name, sizeof name))
		return who_they_are(s, t, asked, false);
	if (!asks_simpler(q) && last != NULL && last == last_answer(s) && !who && !host_names_word(q)) {
		char *example = host_follow_up(&s->host, "for example");
		if (example != NULL) {
			t->answered = true;
			char *r = xasprintf("What I mean is this. %s", example);
			free(example);
			return r;
		}
	}
	/* "I do not understand well, could you explain more simple?", "what
	 * do you mean by that?", "what do you mean by synergy?": the last
	 * answer about the work, more plainly. */
	const char *said = naming != NULL ? naming : last_answer(s);
	/* Asked again about the same answer: the next sentence of it. */
	if (said != NULL && said == s->priv->plain_of) {
		s->priv->plain_n++;
	} else {
		s->priv->plain_of = said;
		s->priv->plain_n = 0;
	}
	enum category about = CAT_NONE;
	for (size_t i = 0; said != NULL && i < s->nturns; i++)
		if (s->turns[i].reply == said && s->turns[i].act != ACT_CLARIFY)
			about = s->turns[i].cat;   /* an answer on a topic */
	char *plain = asks_simpler(q) ? host_plainer(&s->host, said, about, s->priv->plain_n) :
	    host_unknown_term(&s->host, said, about, said == last_answer(s), q, s->priv->plain_n);
	return plain != NULL ? plain : host_act(&s->host, ACT_CLARIFY, 0);
}

/* The answer to the user telling about themselves: to the host's opening
 * question, the persona's acknowledgement (or the coach's nudge to start
 * asking); later, a reaction to what they said. */
static char *
answer_self(struct session *s)
{
	const char *q = s->last_norm;
	if (!s->priv->told_why && !s->priv->asked_back) {
		s->priv->told_why = true;
		char *ack = host_self(&s->host, q);
		if (ack == NULL)
			ack = host_ack(&s->host);
		if (ack == NULL)
			session_say(s, VOICE_COACH, "Good: you told the host why you came. "
			    "Now lead with your first question.");
		return ack;
	}
	s->priv->told_why = true;
	/* A reaction to what they said, when it names a subject or a stage;
	 * else the persona's own words. */
	char *r = host_self(&s->host, q);
	return r != NULL ? r : host_act(&s->host, ACT_SELF, 0);
}

/* Whether the user said a word that starts with stem (at a word's
 * start: "pitch" in "I'm pitching to journalists"). */
static bool
user_said_stem(const struct session *s, const char *stem)
{
	for (size_t i = 0; i < s->nturns; i++) {
		const char *text = s->turns[i].text;
		for (const char *p = text; (p = strcasestr(p, stem)) != NULL; p++) {
			if (p == text || !isalpha((unsigned char)p[-1]))
				return true;
		}
	}
	return false;
}

/* line (newly allocated, taken), a goodbye or farewell, with a wish of
 * luck with something of the user's that nobody spoke of left at "good
 * luck" ("Good luck with your pitch." to someone who never mentioned
 * one reads "Good luck."). */
static char *
only_said_luck(const struct session *s, char *line)
{
	static const char *const yours = "luck with your ";
	char *at = strcasestr(line, yours);
	if (at == NULL)
		return line;
	char *from = at + strlen("luck");
	char *end = from + strlen(" with your ");
	while (*end != '\0' && *end != '.' && *end != '!' && *end != ',' && *end != ';')
		end++;
	/* The thing is its last word, less a plural's "s": "next
	 * milestone" is a milestone. */
	char *last = end;
	while (last > from && last[-1] != ' ')
		last--;
	size_t n = (size_t)(end - last);
	if (n > 3 && last[n - 1] == 's')
		n--;
	char stem[48];
	if (n == 0 || n >= sizeof stem)
		return line;
	memcpy(stem, last, n);
	stem[n] = '\0';
	if (user_said_stem(s, stem))
		return line;
	memmove(from, end, strlen(end) + 1);
	return line;
}

/* The answer to thanks: the persona's thanks, or, when the thanks close
 * the meeting, its farewell (said here, in t->reply) and the coach's word
 * on how to end; then NULL. */
static char *
answer_thanks(struct session *s, struct turn *t, const struct understanding *u, const char *text,
    size_t len)
{
	if (questions_asked(s) > 0)
		s->thanked = true;
	/* "Thanks so much for seeing me" before a single question opens the
	 * meeting; it does not close it. */
	bool closes = questions_asked(s) > 0 && closing_thanks(s, text, len);
	/* Thanks after the farewell get a goodbye, not an invitation to go
	 * on. */
	if (s->priv->farewell_given)
		return only_said_luck(s, host_act(&s->host, ACT_GOODBYE, 0));
	if (!closes && !u->leaving)
		return host_act(&s->host, ACT_THANKS, 0);
	s->priv->farewell_given = true;
	s->priv->farewell_at = session_elapsed(s);
	t->reply = only_said_luck(s, with_duration(s->cfg.persona->farewell, agreed_minutes(s)));
	session_say(s, VOICE_HOST, t->reply);
	session_say(s, VOICE_COACH, "Thanking the host is the right way to close. "
	    "Type /end when you are ready for your report.");
	s->priv->end_hinted = true;
	return NULL;
}

/* The answer to a goodbye: the farewell the first time, a plain goodbye
 * after (said here, in t->reply), and the coach's hint at /end once (with
 * a word for the thanks, when the goodbye thanked: "ok thx bye"); then
 * NULL. */
static char *
answer_goodbye(struct session *s, struct turn *t, bool thanked)
{
	if (!s->priv->farewell_given) {
		s->priv->farewell_given = true;
		s->priv->farewell_at = session_elapsed(s);
		t->reply = only_said_luck(s, with_duration(s->cfg.persona->farewell, agreed_minutes(s)));
	} else {
		t->reply = only_said_luck(s, host_act(&s->host, ACT_GOODBYE, 0));
	}
	session_say(s, VOICE_HOST, t->reply);
	/* Once is enough: the user knows by the second goodbye. */
	if (!s->priv->end_hinted)
		session_say(s, VOICE_COACH, thanked && questions_asked(s) > 0 ?
		    "Thanking the host is the right way to close. Type /end when you are ready for your report." :
		    "Type /end for your report.");
	s->priv->end_hinted = true;
	return NULL;
}

/* The answer to a question about the meeting's time: "how long do we have
 * left?" gets what is left of the agreed time (in untimed practice, that
 * there is no rush), "is it ok if we run over?" a little, willingly, and
 * else the length agreed (or named). */
static char *
answer_time_frame(struct session *s)
{
	const char *q = s->last_norm;
	/* Besides what always asks the time left, the vaguer "how long...?"
	 * once the line is known to be about the time. */
	static const char *const vague[] = {"how long", "how much time", "time we have", "on time",
		"what time", "remains", "still have", "still got", "bit of time",
		"enough time", "have time", "got time", "ok for time", "okay for time", "fine for time",
		"good for time", "out of time", NULL};
	bool left = dialogue_asks_time_left(q) || holds_any(q, vague);
	static const char *const over[] = {"run over", "go over", "minutes over", "bit over",
		"bit longer", "few more minutes", "extra minutes", "overrun", NULL};
	/* "How are we on time? I don't want to go over": what is left comes
	 * first. */
	if (holds_any(q, over) && !left)
		return host_run_over(&s->host);
	/* Untimed practice has no clock to watch: no rush. */
	if (left && session_planned_ms(s) == 0)
		return host_no_rush(&s->host);
	if (left) {
		uint64_t agreed = (uint64_t)agreed_minutes(s) * 60000;
		uint64_t used = session_elapsed(s);
		/* Rounded up, as the prompt's "[3m left]" is, so the two agree. */
		return host_time_left(&s->host, used >= agreed ? 0 :
		    (unsigned long)((agreed - used + 59999) / 60000));
	}
	/* The length the user names ("is 20 minutes still ok?"), else the
	 * agreed one. */
	unsigned long said = minutes_named(q);
	return host_act(&s->host, ACT_TIME_FRAME, said > 0 ? said : agreed_minutes(s));
}

/* "Hey, thanks for this": a hello or thanks before the user has answered
 * the host's opening question.  The host greets back and asks its
 * question again (once), in place of any question of its own at the end
 * of its hello ("Shall we get started?").  Takes reply (newly allocated)
 * and returns the reply to give. */
static char *
with_opening_ask(struct session *s, char *reply)
{
	const char *ask = s->priv->opening_ask;
	if (reply == NULL || ask == NULL)
		return reply;
	s->priv->opening_ask = NULL;
	size_t n = strlen(reply);
	if (n > 0 && reply[n - 1] == '?') {
		/* Back to the end of the sentence before the question. */
		size_t cut = n - 1;
		while (cut > 0 && !((reply[cut - 1] == '.' || reply[cut - 1] == '!') && reply[cut] == ' '))
			cut--;
		if (cut > 0)
			n = cut;
	}
	char *r = xasprintf("%.*s %s", (int)n, reply, ask);
	free(reply);
	dialogue_host_asked(&s->priv->dlg);
	return r;
}

/* Whether something the user said just before the current turn could
 * call for an apology: a job ask or a pay question (the host is still
 * guarded, or the line before was flagged so), or a personal aside. */
static bool
slip_before(const struct session *s)
{
	if (s->host.guarded > 0)
		return true;
	if (s->nturns < 2)
		return false;
	size_t prev = s->nturns - 2;
	for (size_t i = 0; i < s->nflags; i++)
		if (s->flags[i].turn == prev && (s->flags[i].rule->kind == KIND_JOB_ASK ||
		    s->flags[i].rule->kind == KIND_SALARY))
			return true;
	return s->turns[prev].act == ACT_OFF_TOPIC;
}

/* The answer to an apology: with a slip before it, the host accepts it
 * and is warm again; with nothing to forgive ("sorry for being blunt
 * lol" after a plain question), it says there is no need. */
static char *
answer_apology(struct session *s)
{
	bool slip = slip_before(s);
	host_unguard(&s->host);
	return slip ? host_act(&s->host, ACT_APOLOGY, 0) : host_no_need(&s->host);
}

static bool said_before(const struct session *s, size_t before, const char *text);

/* The answer to "who is the clinical nursing lead?" or "who's your
 * audit partner?" asked of the host whose title that is: that it is the
 * host, with its title as the persona gives it; NULL for any other line. */
static char *
answer_own_title(struct session *s, struct turn *t)
{
	static const char *const who[] = {"who is the ", "who's the ", "whos the ", "who is your ",
		"who's your ", "whos your ", "who is ur ", "whos ur ", "who is the main ", NULL};
	const char *q = s->last_norm;
	bool asks = false;
	for (const char *const *w = who; *w != NULL && !asks; w++)
		asks = strstr(q, *w) != NULL;
	if (!asks || s->cfg.persona->role == NULL || !host_names_role(&s->host, q))
		return NULL;
	t->answered = true;
	return xasprintf("That's me, yes. My title is %s.", s->cfg.persona->role);
}

/* What the host answers to a line understood as u (newly allocated, or
 * NULL when the host says nothing): one answer_* for each act that needs
 * more than the persona's words for it. */
static char *
answer(struct session *s, struct turn *t, const struct understanding *u, const char *text,
    size_t len)
{
	/* "Sorry, I'm so nervous": the host puts them at ease first. */
	if (u->act == ACT_SELF || u->act == ACT_ACK || u->act == ACT_APOLOGY) {
		char *calm = host_calm(&s->host, s->last_norm);
		if (calm != NULL) {
			host_unguard(&s->host);
			return calm;
		}
	}
	/* "Tell me more" to the host's own question: the host would like
	 * the user's answer first, and asks again. */
	if (u->more) {
		const char *ask = s->priv->last_ask != NULL ? s->priv->last_ask :
		    "What's your own background?";
		char *r = xasprintf("I will, but you first: %s", ask);
		if (!said_before(s, s->nturns - 1, r))
			return r;
		free(r);
		return xasprintf("Your turn first, really. %s", ask);
	}
	if (u->corrects && (u->act == ACT_QUESTION || u->act == ACT_FOLLOW_UP)) {
		char *r = answer_correction(s, t, u);
		if (r != NULL)
			return r;
	}
	/* "Who is the clinical nursing lead, that is you also?": the host's
	 * own title, so the host itself, not what a word of it means. */
	char *me = u->act == ACT_QUESTION || u->act == ACT_FOLLOW_UP || u->act == ACT_CLARIFY ?
	    answer_own_title(s, t) : NULL;
	if (me != NULL)
		return me;
	switch (u->act) {
	case ACT_QUESTION:
		return answer_question(s, t, u);
	case ACT_FOLLOW_UP:
		return answer_follow_up(s, t, u);
	case ACT_CLARIFY:
		return answer_clarify(s, t);
	case ACT_SELF:
		return answer_self(s);
	case ACT_THANKS:
		return with_opening_ask(s, answer_thanks(s, t, u, text, len));
	case ACT_GOODBYE:
		return answer_goodbye(s, t, u->thanks);
	case ACT_APOLOGY:
		return answer_apology(s);
	case ACT_TIME_FRAME:
		return answer_time_frame(s);
	case ACT_OFF_TOPIC:
		/* "How's your week going?" is kindly meant: a short answer,
		 * then back to the work. */
		if (asks_how_are_you(s->last_norm) && !s->priv->said_well) {
			s->priv->said_well = true;
			return xstrdup("Busy, but good, thanks for asking. Now, what else would you like "
			    "to know?");
		}
		/* "Did you have a good holiday?" is asked, not told: an
		 * answer before the way back. */
		char *chat = host_small_talk(&s->host, s->last_norm);
		return chat != NULL ? chat : host_act(&s->host, u->act, 0);
	case ACT_GREETING:
		return with_opening_ask(s, at_time_of_day(s, host_act(&s->host, u->act, 0)));
	default:
		return host_act(&s->host, u->act, 0);
	}
}

/* A line said to the host, while say_to_host works through it. */
struct said {
	const char *text;            /* the line as typed */
	size_t len;                  /* its length in bytes */
	struct assessment as;        /* its flags and what the model made of it */
	struct understanding u;      /* what it does in the conversation, as the
	                                steps below correct it */
	struct turn *t;              /* its turn in the session */
	size_t turn_index;           /* that turn's index in s->turns */
	enum flag_kind worst;        /* the worst flag the host reacts to, or
	                                KIND_NONE when it answers */
	enum category two[2];        /* the topics of two questions asked at
	                                once (the second CAT_NONE when it asks
	                                what a word means), or CAT_NONE */
	char *two_q[2];              /* those two questions' words (owned) */
	const char *two_means;       /* the meaning of the word the second
	                                asks about (borrowed from the host) */
	bool after_farewell;         /* said after the host's farewell: the
	                                host only says the meeting is over */
	char *told;                  /* the host's word on the background told
	                                before a question, or NULL (owned) */
	char *whole_norm;            /* the whole line normalised, while
	                                s->last_norm holds only its question
	                                (owned), or NULL */
};

/* Assess and understand the line: what the dialogue makes of it, with
 * the pay and clarify rules that need the host's own words. */
static void
understand_line(struct session *s, struct said *l)
{
	/* A goodbye, thanks or small talk is no question: only a question
	 * can be closed or answered by the website.  A follow-up may well be
	 * a yes/no question ("Is that common?"): in a conversation the host
	 * just goes on. */
	dialogue_judge(&s->priv->dlg, s->cfg.assessor, s->priv->m, l->text, l->len, &l->as, &l->u);
	/* "What does an audit partner take home?" said to an audit partner
	 * asks the host's own pay. */
	if (!l->as.pay_own && dialogue_worst(&l->as) == KIND_SALARY &&
	    host_names_role(&s->host, assess_normalized(s->cfg.assessor)->text))
		assess_pay_is_own(s->cfg.assessor, &l->as);
	/* "What means salaried school-based training?" asks what the
	 * host's own word means: no pay question. */
	bool word_said = asks_word_said(s);
	if (word_said && dialogue_worst(&l->as) == KIND_SALARY)
		drop_kind(&l->as, KIND_SALARY);
	if (word_said && dialogue_worst(&l->as) != KIND_JOB_ASK) {
		l->u.act = ACT_CLARIFY;
		l->u.cat = s->priv->dlg.topic;
	}
	/* "Is that normal?" just after an answer, with no topic of its own,
	 * goes on with the answer: no lecture on yes/no questions. */
	const char *q = assess_normalized(s->cfg.assessor)->text;
	if (dialogue_worst(&l->as) == KIND_CLOSED && l->u.act == ACT_QUESTION &&
	    (l->u.cat == CAT_NONE || l->u.unsure) && s->priv->dlg.topic != CAT_NONE &&
	    host_confirms(q) != NULL && last_answer_before(s, s->nturns) != NULL) {
		drop_kind(&l->as, KIND_CLOSED);
		l->u.act = ACT_FOLLOW_UP;
		l->u.cat = s->priv->dlg.topic;
		l->u.unsure = false;
		s->priv->dlg.offered[0] = s->priv->dlg.offered[1] = CAT_NONE;
	}
}

/* Add the line's turn and keep what the session remembers of the last
 * line (its assessment, understanding, text and normalised text); the
 * coach's remarks start afresh. */
static void
start_turn(struct session *s, struct said *l)
{
	const struct understanding *u = &l->u;
	l->t = add_turn(s, l->text, l->len);
	l->turn_index = s->nturns - 1;
	l->t->act = u->act;
	l->t->conf = u->conf;
	/* Thanks count once the meeting is under way: "thanks for making the
	 * time" in the opening line is a greeting, not the closing thanks. */
	if (u->thanks && (questions_asked(s) > 0 || u->closing))
		s->thanked = true;
	if (u->act == ACT_SELF)
		for (size_t i = 0; i < l->len; i++)
			s->priv->self_words += l->text[i] == ' ';
	s->last_as = l->as;
	s->last_u = l->u;
	free(s->last_text);
	s->last_text = xstrndup(l->text, l->len);
	free(s->last_norm);
	const struct norm *nm = assess_normalized(s->cfg.assessor);
	s->last_norm = xstrndup(nm->text, nm->len);
	for (size_t i = 0; i < s->priv->ncoach; i++)
		free(s->priv->coach_said[i]);
	s->priv->ncoach = 0;
	s->priv->coach_shown = 0;
	s->priv->in_turn = true;
}

/* The better way to ask the closed question l: that question opened up
 * where its words allow, as check writes it; never an example beside what
 * the model takes for a job ask or a pay question.  Newly allocated. */
static char *
closed_tip(const struct session *s, const struct said *l)
{
	const struct model *model = assessor_model(s->cfg.assessor);
	const struct model_thresholds *th = l->as.judged && model != NULL ? model_thresholds(model) : NULL;
	bool risky = th != NULL && (l->as.j.flag[MFLAG_JOB_ASK] >= th->job_ask / 2 ||
	    l->as.j.flag[MFLAG_SALARY] >= th->salary / 2);
	return reword_closed(l->text, l->len, risky);
}

/* The topic of the closed question l, as its open version asks it ("do
 * you still teach classes?" as "what classes do you teach?"): its own
 * topic when it has one, else the one that version gets; CAT_NONE when
 * neither has one. */
/* The answer to a yes/no question on no topic ("do u still write
 * code?"): its yes or no and the sentence of its own words that says so
 * ("Not any more, no. I've been in software ... first writing code and
 * these days leading the people who write it."), or, when its words say
 * neither, its words for a closed question that guess no yes, then the
 * reply it gives the open version of the question. */
static char *
answer_closed(struct session *s, struct turn *t, const struct said *l)
{
	const char *q = s->last_norm;
	char *said = NULL;
	enum yesno a = yesno_question(q) ? yesno_stance(s->cfg.persona, q, CAT_NONE, NULL, &said) :
	    YESNO_UNKNOWN;
	const char *yn = yesno_words(q, CAT_NONE, a);
	said = opening_said(s, said);
	if (yn == NULL || said == NULL) {
		free(said);
		char *neither = host_react_neither(&s->host);
		enum category c = host_topic_of(&s->host, q);
		if (c == CAT_NONE)
			c = l->u.cat;
		/* The reply whose words speak of what was asked; when none
		 * does, any other would only change the subject after the
		 * hedge: the hedge alone. */
		char *r = host_reply_speaking_of(&s->host, c, q);
		if (r == NULL)
			return neither;
		t->answered = true;
		char *both = xasprintf("%s %s", neither, r);
		free(neither);
		free(r);
		return both;
	}
	t->answered = true;
	char *r = yesno_opens(said) ? xstrdup(said) : xasprintf("%s %s", yn, said);
	free(said);
	return r;
}

/* Whether a line comes after the host's farewell: anything but thanks or
 * a goodbye then only hears that the meeting is over, and counts for
 * nothing, flags included. */
static bool
said_after_farewell(const struct session *s, const struct understanding *u)
{
	return s->priv->farewell_given && u->act != ACT_THANKS && u->act != ACT_GOODBYE && !u->leaving;
}

/* The coach first, at once: which rule, why, and a better way, for each
 * flag (a closed question is not worth a word when something worse is
 * wrong), and a rule that could not be evaluated.  Sets l->worst.  A
 * line after the farewell gets no flags: it counts for nothing.  Yes/no
 * questions come naturally in a conversation: the coach explains the
 * first one and counts the others quietly for /flags and the report. */
static void
coach_flags(struct session *s, struct said *l)
{
	const struct assessment *as = &l->as;
	l->worst = dialogue_worst(as);
	for (size_t i = 0; i < as->nflags && !l->after_farewell; i++) {
		const struct flag *f = &as->flags[i];
		if (f->rule->kind == KIND_CLOSED && l->worst != KIND_CLOSED)
			continue;
		xgrow((void **)&s->flags, &s->priv->capflags, s->nflags + 1, sizeof *s->flags);
		s->flags[s->nflags++] = (struct flagnote){l->turn_index, f->rule, f->sev};
		bool closed = f->rule->kind == KIND_CLOSED;
		if (closed && s->priv->closed_told)
			continue;
		char *tip = closed ? closed_tip(s, l) : NULL;
		char *note = xasprintf("%s, %s [%s]: %s Try instead: %s%s", session_kind_label(f->rule->kind),
		    severity_name(f->sev), f->rule->id, f->rule->message, tip != NULL ? tip : f->rule->suggestion,
		    closed ? " (The coach says this once: later yes/no questions are not remarked on here, "
		    "but /flags and the report list each one.)" : "");
		s->priv->closed_told |= closed;
		session_say(s, VOICE_COACH, note);
		free(note);
		free(tip);
	}
	l->t->flagged = as->nflags > 0 && !l->after_farewell;
	if (as->err < 0) {
		char e[100];
		rule_strerror(as->err, e, sizeof e);
		char *note = xasprintf("rule '%s' could not be evaluated on that line (%s)",
		    as->err_rule ? as->err_rule->id : "cue", e);
		session_say(s, VOICE_INFO, note);
		free(note);
	}
}

/* "Sorry, I do not understand well. Could you explain more simply?" asks
 * for the last answer again, whatever else it says. */
static void
override_repeat(struct session *s, struct said *l)
{
	if (l->worst != KIND_JOB_ASK && l->worst != KIND_SALARY && !asks_anew(s->last_norm) &&
	    (asks_simpler(s->last_norm) || asks_repeat(s->last_norm)) && s->nturns >= 2 &&
	    s->turns[s->nturns - 2].reply != NULL) {
		l->u.act = ACT_CLARIFY;
		l->u.cat = s->priv->dlg.topic;
		l->t->act = l->u.act;
		s->last_u = l->u;
	}
}

/* Two questions at once get two answers: their topics and words go in
 * l->two and l->two_q. */
static void
override_two(struct session *s, struct said *l)
{
	struct understanding *u = &l->u;
	/* "What does a good day look like? and is it stressful?" is two new
	 * questions, however much its "it" seems to go on with the last. */
	if ((u->act == ACT_QUESTION || u->act == ACT_CLARIFY || u->act == ACT_FOLLOW_UP) &&
	    (l->worst == KIND_NONE || l->worst == KIND_CLOSED) &&
	    two_questions(s, l->text, l->len, l->two, l->two_q, &l->two_means)) {
		u->act = ACT_QUESTION;
		l->t->act = u->act;
		l->worst = KIND_NONE;   /* each part is answered, yes/no or not */
		u->cat = l->two[0];
		u->unsure = false;
		u->topic_sure = true;
		u->closing = closing_topic(l->two[0]);
		dialogue_settle(&s->priv->dlg, l->two[1] != CAT_NONE ? l->two[1] : l->two[0]);
		s->last_u = *u;
	}
}

/* A short line naming a word from the host's glossary ("brain sheet?",
 * "and a pitch? like pitching to journalists?") asks what it means. */
static void
override_glossary(struct session *s, struct said *l)
{
	struct understanding *u = &l->u;
	const char *named = NULL;
	if (l->worst != KIND_JOB_ASK && l->worst != KIND_SALARY && u->act != ACT_CLARIFY &&
	    l->two[0] == CAT_NONE &&
	    (u->act == ACT_FOLLOW_UP || u->act == ACT_QUESTION || u->act == ACT_ACK ||
	    (u->act == ACT_APOLOGY && memchr(l->text, '?', l->len) != NULL)) &&
	    host_explain_as(&s->host, s->last_norm, &named) != NULL && asks_meaning(s->last_norm, named)) {
		u->act = ACT_CLARIFY;
		u->cat = s->priv->dlg.topic;
		l->t->act = u->act;
		s->last_u = *u;
	}
}

/* An unclear question settled without asking which topic was meant: by
 * the question of the user's own list (--questions) it is nearly word for
 * word, else by what one of the host's replies is about. */
static void
override_unsure(struct session *s, struct said *l)
{
	struct understanding *u = &l->u;
	if (u->act == ACT_QUESTION && u->unsure && s->cfg.plan != NULL) {
		const struct plan_item *it = plan_closest(s->cfg.plan, l->text);
		if (it != NULL) {
			u->cat = it->cat;
			u->unsure = false;
			u->topic_sure = true;
			u->closing = it->cat == CAT_REFERRALS || it->cat == CAT_MENTION_NAME;
			dialogue_settle(&s->priv->dlg, it->cat);
			s->last_u = *u;
		}
	}
	/* Two likely topics, but the question names what one of the host's
	 * replies is about ("do you do late openings?"): no need to ask. */
	if (u->act == ACT_QUESTION && u->unsure && !closing_topic(u->cat) && !closing_topic(u->alt)) {
		enum category k = asks_what_job_does(s->last_norm, u->cat, u->alt);
		if (k == CAT_NONE)
			k = host_keyword_pick(&s->host, s->last_norm, u->cat, u->alt);
		if (k != CAT_NONE) {
			u->cat = k;
			u->unsure = false;
			u->topic_sure = true;
			dialogue_settle(&s->priv->dlg, k);
			s->last_u = *u;
		}
	}
}

/* The start of the question that ends a line told about oneself first
 * ("...before that i was a barista for 3 yrs. how did u land at
 * fernway?"): the last sentence, when it asks and something comes
 * before it; else len. */
static size_t
last_question_at(const char *text, size_t len)
{
	size_t mark = len;
	while (mark > 0 && text[mark - 1] != '?')
		mark--;
	if (mark == 0)
		return len;
	mark--;
	/* Back to the end of the sentence before it, however lower-case
	 * the next one starts. */
	size_t at = mark;
	while (at > 1 && !(strchr(".!?", text[at - 2]) != NULL && text[at - 1] == ' '))
		at--;
	if (at <= 1)
		return len;
	return part_asks(text + at, len - at) ? at : len;
}

/* Whether text[0..n) speaks of the user ("i", "i'm", "my"...). */
static bool
tells_of_self(const char *text, size_t n)
{
	static const char *const me[] = {"i", "i'm", "im", "i've", "ive", "i was", "my", NULL};
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && isalpha((unsigned char)text[i - 1]))
			continue;
		for (const char *const *w = me; *w != NULL; w++) {
			size_t k = strlen(*w);
			if (i + k <= n && strncasecmp(text + i, *w, k) == 0 &&
			    (i + k == n || !isalpha((unsigned char)text[i + k])))
				return true;
		}
	}
	return false;
}

/* The host's brief word on the background told in the normalised line
 * q: the first sentence of its reaction, else a plain thanks.  Newly
 * allocated; the user has now said why they came. */
static char *
told_word(struct session *s, const char *q)
{
	char *said = host_self(&s->host, q);
	if (said != NULL)
		said[sentence_end(said, strlen(said), 0)] = '\0';
	s->priv->told_why = true;
	return said != NULL ? said : xstrdup("Thanks, that helps.");
}

/* "I'm a second-year accounting student. How did you decide on audit?":
 * background, then a question, is the question, with a brief word on the
 * background before its answer (l->told).  The question's own words
 * stand in s->last_norm for the reply; the whole line's wait in
 * l->whole_norm. */
static void
override_told_then_asks(struct session *s, struct said *l)
{
	struct understanding *u = &l->u;
	if (l->two[0] != CAT_NONE || (l->worst != KIND_NONE && l->worst != KIND_CLOSED))
		return;
	size_t at = last_question_at(l->text, l->len);
	if (at == l->len)
		return;
	/* Already taken for the question: the word on the background, the
	 * first time they tell one. */
	if (u->act == ACT_QUESTION && !s->priv->told_why && tells_of_self(l->text, at)) {
		l->told = told_word(s, s->last_norm);
		return;
	}
	if (u->act != ACT_SELF && u->act != ACT_ACK)
		return;
	struct assessment a;
	assess_line(s->cfg.assessor, s->priv->m, l->text + at, l->len - at, NULL, 0, &a);
	const char *nq = assess_normalized(s->cfg.assessor)->text;
	enum flag_kind worst = dialogue_worst(&a);
	if ((a.judged && a.act != ACT_QUESTION) || a.cat == CAT_NONE ||
	    (worst != KIND_NONE && worst != KIND_CLOSED) || closing_topic(a.cat))
		return;
	bool sure = assess_sure(s->cfg.assessor, &a);
	enum category k = sure ? a.cat : settle_part(s, nq, &a);
	if (k == CAT_NONE)
		k = a.cat;
	l->told = told_word(s, s->last_norm);
	l->whole_norm = s->last_norm;
	s->last_norm = xstrdup(nq);
	u->act = ACT_QUESTION;
	u->cat = k;
	u->unsure = false;
	u->topic_sure = sure || k != a.cat;
	l->worst = KIND_NONE;
	l->t->act = u->act;
	dialogue_settle(&s->priv->dlg, k);
	s->last_u = *u;
}

/* Whether the normalised line q only asks the host to go on ("why is
 * that?", "how come?", "and then?", "tell me more"): every word of it
 * leans on something said before, and one of them asks for more. */
static bool
only_leans(const char *q)
{
	static const char *const leaning[] = {"why", "whys", "why's", "how", "come", "so", "is", "was",
		"that", "thats", "that's", "this", "it", "its", "it's", "and", "then", "but", "really",
		"oh", "ok", "okay", "what", "do", "you", "u", "mean", "by", "tell", "me", "more", "go",
		"on", "say", "like", "such", "as", "for", "example", "normal", "common", "usual",
		"typical", "not", "exactly", "the", "reason", "wait", "hmm", "um", "uh", "sorry", "again",
		"there", "happened", "next", "a", "bit", "little", "please", "y", "tho", "though", "hm",
		NULL};
	static const char *const asks_more[] = {"why", "whys", "why's", "come", "so", "more", "example",
		"then", "mean", "normal", "common", "usual", "typical", "reason", "next", "y", NULL};
	return text_words_all_in(q, leaning, asks_more);
}

/* "Why is that?" or "how come?" before the host has answered anything
 * has nothing to go on with: a follow-up with no topic, which the host
 * answers by saying so. */
static void
override_nothing_yet(struct session *s, struct said *l)
{
	struct understanding *u = &l->u;
	if ((u->act == ACT_QUESTION || u->act == ACT_FOLLOW_UP) && l->worst != KIND_JOB_ASK &&
	    l->worst != KIND_SALARY && l->two[0] == CAT_NONE && last_answer(s) == NULL &&
	    only_leans(s->last_norm)) {
		u->act = ACT_FOLLOW_UP;
		u->cat = CAT_NONE;
		u->unsure = false;
		u->topic_sure = false;
		u->closing = false;
		l->worst = KIND_NONE;
		l->t->act = u->act;
		dialogue_settle(&s->priv->dlg, CAT_NONE);
		s->last_u = *u;
	}
}

/* Whether the normalised line q names a word of p's own employer
 * ("ashgrove" for Ashgrove Primary School), words of four letters or
 * more that are not "school", "group" and the like. */
static bool
names_own_employer(const struct persona *p, const char *q)
{
	static const char *const common[] = {"school", "primary", "group", "hospital", "medical",
		"center", "centre", "company", "foods", "logistics", "limited", "mutual", "insurance",
		"partners", NULL};
	if (p->employer == NULL)
		return false;
	for (const char *w = p->employer; *w != '\0';) {
		while (*w != '\0' && !isalpha((unsigned char)*w))
			w++;
		size_t n = 0;
		while (isalpha((unsigned char)w[n]))
			n++;
		bool skip = n < 4;
		for (const char *const *c = common; *c != NULL && !skip; c++)
			skip = strlen(*c) == n && strncasecmp(w, *c, n) == 0;
		if (!skip) {
			char word[64];
			snprintf(word, sizeof word, "%.*s", (int)(n < 63 ? n : 63), w);
			for (const char *at = strcasestr(q, word); at != NULL; at = strcasestr(at + 1, word))
				if ((at == q || !isalpha((unsigned char)at[-1])) && !isalpha((unsigned char)at[n]))
					return true;
		}
		w += n;
	}
	return false;
}

/* "Is ashgrove a nice school? whats it like", "what does fernway sell
 * exactly": a line that names the host's own employer asks something
 * new, however much its "it" or "exactly" seems to go on with the last
 * answer.  Its topic is the model's, settled by the host's words when
 * unsure. */
static void
override_new_subject(struct session *s, struct said *l)
{
	struct understanding *u = &l->u;
	if ((u->act != ACT_FOLLOW_UP && u->act != ACT_CLARIFY) || l->two[0] != CAT_NONE ||
	    l->worst == KIND_JOB_ASK || l->worst == KIND_SALARY || asks_word_said(s) ||
	    !names_own_employer(s->cfg.persona, s->last_norm))
		return;
	enum category k = l->as.cat;
	bool sure = k != CAT_NONE && assess_sure(s->cfg.assessor, &l->as);
	if (!sure && k != CAT_NONE) {
		enum category picked = settle_part(s, s->last_norm, &l->as);
		sure = picked != CAT_NONE;
		k = sure ? picked : k;
	}
	/* Of the two, the place itself ("is ashgrove a nice school?"). */
	if (!sure && (k == CAT_WORKPLACE || l->as.cat2 == CAT_WORKPLACE)) {
		k = CAT_WORKPLACE;
		sure = true;
	}
	u->act = ACT_QUESTION;
	u->cat = k;
	u->alt = l->as.cat2;
	u->unsure = !sure && k != CAT_NONE && u->alt != CAT_NONE;
	u->topic_sure = sure;
	l->t->act = u->act;
	dialogue_settle(&s->priv->dlg, k);
	s->last_u = *u;
}

/* Fewer words than this never name a new subject ("go on", "and before
 * that?"). */
#define NEW_SUBJECT_WORDS 4

/* "How does the football club work, is it every week?" just after an
 * answer on the day: its "it" is the club, which one of the host's other
 * replies speaks of and the last answer never did.  A new question on
 * that reply's topic, not more of the last answer. */
static void
override_other_subject(struct session *s, struct said *l)
{
	struct understanding *u = &l->u;
	const char *q = s->last_norm;
	/* "go on", "and before that?" are too short to name anything new. */
	size_t words = 0;
	for (const char *p = q; *p != '\0'; p++)
		words += *p != ' ' && (p == q || p[-1] == ' ');
	if (u->act != ACT_FOLLOW_UP || words < NEW_SUBJECT_WORDS || only_leans(q) ||
	    l->two[0] != CAT_NONE || l->worst == KIND_JOB_ASK || l->worst == KIND_SALARY ||
	    asks_word_said(s))
		return;
	enum category k = host_other_subject(&s->host, q);
	if (k == CAT_NONE)
		return;
	u->act = ACT_QUESTION;
	u->cat = k;
	u->unsure = false;
	u->topic_sure = true;
	l->t->act = u->act;
	dialogue_settle(&s->priv->dlg, k);
	s->last_u = *u;
}

/* "What does Harwood Lisle sell?", "which retailers do you work for?"
 * ask about the organisation's mission, not which of two topics. */
static void
override_firm(struct session *s, struct said *l)
{
	struct understanding *u = &l->u;
	if ((u->act != ACT_QUESTION && u->act != ACT_FOLLOW_UP && u->act != ACT_CLARIFY) ||
	    l->two[0] != CAT_NONE || l->worst == KIND_JOB_ASK || l->worst == KIND_SALARY ||
	    dialogue_asks_firm(s->last_norm, names_own_employer(s->cfg.persona, s->last_norm)) ==
	    FIRM_ASK_NONE)
		return;
	u->act = ACT_QUESTION;
	u->cat = CAT_MISSION;
	u->unsure = false;
	u->topic_sure = true;
	l->t->act = u->act;
	dialogue_settle(&s->priv->dlg, CAT_MISSION);
	s->last_u = *u;
}

/* "Do u like it tho?", "is it stressful?" just after an answer on
 * another topic ask something new of the work, not more of that answer:
 * a question on its own topic, which its yes or no opens
 * (answer_question). */
static void
override_feeling(struct session *s, struct said *l)
{
	struct understanding *u = &l->u;
	enum category k = yesno_feeling(s->last_norm);
	if (k == CAT_NONE || (u->act != ACT_QUESTION && u->act != ACT_FOLLOW_UP) ||
	    (u->act == ACT_FOLLOW_UP && k == s->priv->dlg.topic) ||
	    l->two[0] != CAT_NONE || l->worst == KIND_JOB_ASK || l->worst == KIND_SALARY)
		return;
	u->act = ACT_QUESTION;
	u->cat = k;
	u->unsure = false;
	u->topic_sure = true;
	if (l->worst == KIND_CLOSED)
		l->worst = KIND_NONE;   /* answered all the same */
	l->t->act = u->act;
	dialogue_settle(&s->priv->dlg, k);
	s->last_u = *u;
}

/* Whether the normalised line q asks yes or no about someone the host
 * has just named, by a pronoun ("do u still work with her?", "is he
 * still at northfield?", "are you still in touch?"). */
static bool
asks_yes_no_of_person(const char *q)
{
	static const char *const opens[] = {"do", "does", "did", "is", "are", "was", "were", "r",
		"have", "has", "can", "u", "you", NULL};
	static const char *const lead[] = {"so", "and", "ok", "okay", "oh", "but", "wait", "hmm", NULL};
	static const char *const pointing[] = {"he", "she", "him", "her", "hes", "shes",
		"he's", "she's", NULL};
	const char *p = q;
	for (const char *const *w = lead; *w != NULL; w++)
		if (starts_word(p, *w)) {
			p += strlen(*w) + 1;
			w = lead - 1;
		}
	bool opens_so = false;
	for (const char *const *w = opens; *w != NULL && !opens_so; w++)
		opens_so = starts_word(p, *w);
	if (!opens_so || strstr(q, "who") != NULL)
		return false;
	if (strstr(q, "in touch") != NULL || strstr(q, "with them") != NULL)
		return true;
	/* "Is it hard on your sleep? my friend said nights ruined her
	 * health": "her" is the user's own friend, not someone the host
	 * named. */
	static const char *const own[] = {"my friend", "my mate", "my mum", "my mom", "my dad",
		"my mother", "my father", "my sister", "my brother", "my partner", "my wife",
		"my husband", "my girlfriend", "my boyfriend", "my cousin", "my aunt", "my uncle",
		"my daughter", "my son", "my colleague", "my flatmate", "my roommate", "my gran",
		"my grandma", "my grandad", "my grandpa", "my teacher", "my tutor", "my boss",
		"my manager", "my neighbour", "my neighbor", "a friend", NULL};
	for (const char *const *o = own; *o != NULL; o++) {
		const char *at = strstr(q, *o);
		if (at != NULL && (at == q || !isalpha((unsigned char)at[-1])))
			return false;
	}
	for (const char *w = q; *w != '\0';) {
		while (*w != '\0' && !isalpha((unsigned char)*w))
			w++;
		size_t n = 0;
		while (isalpha((unsigned char)w[n]) || w[n] == '\'')
			n++;
		for (const char *const *x = pointing; *x != NULL && n > 0; x++)
			if (strlen(*x) == n && strncasecmp(w, *x, n) == 0)
				return true;
		w += n;
	}
	return false;
}

/* Whether who ("Owen Bassett leads our automation projects.") says
 * what name does now: the word after the name a verb in the present
 * ("leads", "runs", "heads"), of "our" something. */
static bool
does_now(const char *who, const char *name)
{
	size_t k = strlen(name);
	if (strncmp(who, name, k) != 0 || who[k] != ' ')
		return false;
	const char *v = who + k + 1;
	size_t n = 0;
	while (isalpha((unsigned char)v[n]))
		n++;
	return n > 3 && v[n - 1] == 's' && v[n - 2] != 's' && strstr(v, " our ") != NULL;
}

/* The answer to a yes/no question about someone the host named in its
 * last two replies ("do u still work with her?"): when its words say who
 * they are now ("Hannah Kim is our controller."), that they still are;
 * when only who they were ("Marisol Vega was my preceptor."), that it
 * would have to check, guessing nothing.  NULL when it named nobody. */
static char *
answer_person_yes_no(struct session *s, struct turn *t)
{
	if (!asks_yes_no_of_person(s->last_norm) || s->nturns < 1)
		return NULL;
	size_t n;
	const char **said = said_so_far(s, s->nturns - 1, &n);
	char name[64];
	bool named = false, recently = false;
	for (size_t i = 0; i < n && !named; i++) {
		named = host_person_named(&s->host, said[i], NULL, name, sizeof name) ||
		    people_named_in(s->cfg.persona, said[i], name, sizeof name);
		recently = named && i < 2 && said[i] != s->priv->opening;
	}
	/* "Do u still work with them?" just after it named a firm. */
	char firm[64];
	bool of_firm = !named && n > 0 && said[0] != s->priv->opening &&
	    firm_in(said[0], s->cfg.persona->employer, firm, sizeof firm);
	free(said);
	if (of_firm) {
		t->answered = true;
		return host_firm_still(&s->host, firm);
	}
	/* "Do u still work with her?" when it has named nobody at all. */
	if (!named)
		return host_who_do_you_mean(&s->host);
	if (!recently)
		return NULL;
	char want[64], full[64];
	lower_copy(want, sizeof want, name);
	char *who = people_identity(s->cfg.persona, want, full, sizeof full);
	/* "Hannah Kim is our controller." says who she is now; "... is the
	 * audit manager who supervised me" or "... who brought me in" only
	 * who she was to the host. */
	bool now = who != NULL && (strstr(who, " is ") != NULL || does_now(who, full)) &&
	    strstr(who, " was ") == NULL && strstr(who, " who ") == NULL;
	for (const char *w = who; now && *w != '\0'; w++)
		now = !(w[0] == 'e' && w[1] == 'd' && !isalpha((unsigned char)w[2]) && w - who > 2 &&
		    isalpha((unsigned char)w[-1]));
	/* The first name alone ("Marisol"). */
	char first[64];
	snprintf(first, sizeof first, "%s", name);
	first[strcspn(first, " ")] = '\0';
	/* Asked again: the same thing in other words. */
	char *ways[2];
	/* Not who they are again, just after saying so ("whos hannah?"). */
	const char *last = s->nturns >= 2 ? s->turns[s->nturns - 2].reply : NULL;
	char *more = now && last != NULL && strstr(last, who) != NULL ? more_about(s, full) : NULL;
	if (now && more != NULL) {
		ways[0] = xasprintf("Yes, still. %s", more);
		ways[1] = xasprintf("Yes, %s is still here.", first);
		free(more);
	} else if (now && last != NULL && strstr(last, who) != NULL) {
		ways[0] = xasprintf("Yes, %s is still here.", first);
		ways[1] = xasprintf("Yes, still.");
	} else if (now) {
		ways[0] = xasprintf("Yes, still. %s", who);
		ways[1] = xasprintf("Yes, %s is still here.", first);
	} else {
		ways[0] = xasprintf("Honestly, I'd have to check what %s is up to these days.", first);
		ways[1] = xasprintf("I couldn't say for sure about %s now, to be honest.", first);
	}
	free(who);
	t->answered = true;
	int pick = said_before(s, s->nturns - 1, ways[0]) ? 1 : 0;
	free(ways[1 - pick]);
	return ways[pick];
}

/* The answer to a question no topic's replies answer (newly allocated),
 * or NULL: "what will the budget be next year?" (nobody knows; no topic
 * is covered, and the thank-you note does not quote it), "who is your
 * boss?" (who they are). */
static char *
answer_outside_topics(struct session *s, struct turn *t, const struct understanding *u)
{
	/* "What will the budget be next year?": nobody knows; no topic is
	 * covered, and the thank-you note does not quote it. */
	enum unknowable unknown = dialogue_asks_unknowable(s->last_norm);
	if (unknown == UNKNOWABLE_HEADCOUNT && names_own_employer(s->cfg.persona, s->last_norm))
		unknown = UNKNOWABLE_NONE;
	if (unknown != UNKNOWABLE_NONE && (u->act == ACT_QUESTION || u->act == ACT_FOLLOW_UP ||
	    u->act == ACT_CLARIFY || u->act == ACT_OFF_TOPIC)) {
		/* A forecast gets what the host does see as well. */
		if (unknown == UNKNOWABLE_FORECAST)
			return host_forecast(&s->host, s->last_norm);
		char *reply = host_cannot_know(&s->host, unknown);
		for (int tries = 1; tries < 3 && said_before(s, s->nturns - 1, reply); tries++) {
			free(reply);
			reply = host_cannot_know(&s->host, unknown);
		}
		return reply;
	}
	/* "What does Harwood Lisle sell?", "which retailers do you work
	 * for?": what its own organisation does, in its own words. */
	enum firm_ask firm = dialogue_asks_firm(s->last_norm,
	    names_own_employer(s->cfg.persona, s->last_norm));
	char *does = firm != FIRM_ASK_NONE && u->act == ACT_QUESTION ?
	    host_firm_does(&s->host, firm) : NULL;
	if (does != NULL) {
		t->answered = true;
		t->cat = CAT_MISSION;
		t->counted = true;
		s->asked[CAT_MISSION]++;
		return does;
	}
	/* "Who is your team?", "who is your boss?": who they are, from its
	 * own words where they say so; no topic is covered. */
	enum colleagues who = dialogue_asks_colleagues(s->last_norm);
	if (who != COLLEAGUES_NONE && (u->act == ACT_QUESTION || u->act == ACT_FOLLOW_UP ||
	    u->act == ACT_CLARIFY)) {
		t->answered = true;
		return host_colleagues(&s->host, who, s->last_norm);
	}
	return NULL;
}

/* The answer (newly allocated) to "are you taking on more clients this
 * year?" (a yes or no about the organisation, not a speech on the
 * industry), or to "can you give an example?" just after the host
 * explained a word (an example of that word); else NULL. */
static char *
answer_growth_or_example(struct session *s, struct turn *t, const struct understanding *u)
{
	if (dialogue_asks_growth(s->last_norm) && (u->act == ACT_QUESTION || u->act == ACT_FOLLOW_UP ||
	    u->act == ACT_CLARIFY || u->act == ACT_OFF_TOPIC)) {
		t->answered = true;
		return host_growth(&s->host);
	}
	const char *prev = s->nturns >= 2 ? s->turns[s->nturns - 2].reply : NULL;
	char *reply = dialogue_asks_example(s->last_norm) && prev != NULL ?
	    host_term_example(&s->host, prev) : NULL;
	t->answered |= reply != NULL;
	return reply;
}


/* Reply r (taken) to q, one part of a line asking two things, on topic
 * cat: when q is a yes/no question ("Is it stressful?") and its words or
 * the reply say which, its yes or no first ("It can be, yes. ..."), as
 * for a question asked alone.  Newly allocated. */
static char *
yesno_first(const struct session *s, const char *q, enum category cat, char *r)
{
	if (r == NULL || q == NULL || !yesno_question(q) || yesno_opens(r))
		return r;
	const char *yn = yesno_words(q, cat, yesno_stance(s->cfg.persona, q, cat, r, NULL));
	if (yn == NULL)
		return r;
	char *y = yes_then(yn, r);
	free(r);
	return y;
}
/* The host's reply (newly allocated, or NULL): its reaction to a job ask
 * or a pay question (then it is guarded, and the coach says so), else the
 * turn counts towards its topic and the host reacts to a flag, answers two
 * questions, or answers the line. */
static char *
reply_to_line(struct session *s, struct said *l)
{
	const struct understanding *u = &l->u;
	struct turn *t = l->t;
	/* A yes/no question on a topic is still answered; the coach has said
	 * it could be more open. */
	if (l->worst == KIND_CLOSED && u->act == ACT_QUESTION && u->cat != CAT_NONE && !u->unsure)
		l->worst = KIND_NONE;
	enum flag_kind worst = l->worst;
	char *reply = NULL;
	/* The host has said its farewell: thanks and goodbyes still get
	 * theirs, anything else only that the meeting is over, counted for
	 * nothing (said_after_farewell). */
	if (l->after_farewell) {
		t->late = true;
		if (!s->priv->over_hinted)
			session_say(s, VOICE_COACH, "The host has said goodbye: the meeting is over. "
			    "Type /end for your report.");
		s->priv->over_hinted = true;
		return host_finished(&s->host);
	}
	/* "Sorry about that. What's your day like?" warms the host too. */
	if (u->sorry)
		host_unguard(&s->host);
	if (worst == KIND_JOB_ASK || worst == KIND_SALARY) {
		reply = worst == KIND_SALARY ? host_react_pay(&s->host, l->as.pay_own) :
		    host_react(&s->host, worst);
		if (worst == KIND_JOB_ASK) {
			host_guard(&s->host);
			char *note = xasprintf("%s is more guarded now: expect shorter answers for a while, "
			    "or apologise.", s->cfg.persona->name);
			session_say(s, VOICE_COACH, note);
			free(note);
		}
		return reply;
	}
	/* "My son is sick today, so I'm a little tired": a word of sympathy
	 * (or a smile for a joke), and on with the conversation. */
	enum aside aside = s->priv->dlg.host_asked ? ASIDE_NONE : dialogue_aside(s->last_norm);
	if (aside != ASIDE_NONE && u->act != ACT_THANKS && u->act != ACT_GOODBYE && !u->leaving) {
		/* Not the same words as before, while others are left. */
		reply = host_react_aside(&s->host, aside);
		for (int tries = 1; tries < 3 && said_before(s, s->nturns - 1, reply); tries++) {
			free(reply);
			reply = host_react_aside(&s->host, aside);
		}
		return reply;
	}
	/* What nobody could know, and who the host works with. */
	reply = answer_outside_topics(s, t, u);
	if (reply != NULL)
		return reply;
	/* "Do u still work with her?" just after the host named her. */
	reply = answer_person_yes_no(s, t);
	if (reply != NULL)
		return reply;
	/* A question counts towards its topic only when its topic is sure
	 * enough (the model's threshold), and a closing question only when it
	 * is sure enough to praise.  The host still answers its best guess at
	 * a topic below the threshold. */
	/* A question the website answers ("what do you sell?") is turned
	 * aside, so it covers no topic. */
	if (((u->act == ACT_QUESTION && !u->unsure) || u->act == ACT_FOLLOW_UP || u->act == ACT_CLARIFY) &&
	    worst != KIND_GOOGLEABLE)
		t->cat = u->cat;
	bool closing = t->cat == CAT_REFERRALS || t->cat == CAT_MENTION_NAME;
	if (u->act == ACT_QUESTION && t->cat != CAT_NONE) {
		t->counted = closing ? u->closing : u->topic_sure;
		if (t->counted)
			s->asked[t->cat]++;
		else
			s->unclear++;
	}
	/* Whether the firm grows, an example of a word just explained. */
	reply = answer_growth_or_example(s, t, u);
	if (reply != NULL)
		return reply;
	/* "What's the weirdest thing that happened at work?": a story of
	 * one time from its own words, while it has one to tell. */
	enum story story = dialogue_asks_story(s->last_norm);
	if (story != STORY_NONE && (u->act == ACT_QUESTION || u->act == ACT_FOLLOW_UP) &&
	    worst != KIND_GOOGLEABLE) {
		reply = host_story(&s->host, story);
		if (reply != NULL) {
			t->answered = true;
			return reply;
		}
	}
	if (worst == KIND_CLOSED)
		return answer_closed(s, t, l);
	if (worst == KIND_GOOGLEABLE)
		return host_react(&s->host, worst);
	if (l->two[0] == CAT_NONE)
		return answer(s, t, u, l->text, l->len);
	t->answered = true;
	char *r1 = yesno_first(s, l->two_q[0], l->two[0],
	    host_reply_to(&s->host, l->two[0], l->two_q[0], true));
	char *r2;
	if (l->two[1] != CAT_NONE) {
		s->asked[l->two[1]]++;
		t->cat2 = l->two[1];
		r2 = yesno_first(s, l->two_q[1], l->two[1],
		    host_reply_to(&s->host, l->two[1], l->two_q[1], true));
	} else {
		r2 = xstrdup(l->two_means);
	}
	/* The closing pair reads as one answer. */
	if (!closing_topic(l->two[0]))
		host_lower_first(&s->host, r2);
	reply = xasprintf(closing_topic(l->two[0]) ? "%s %s" : "%s As for your second question: %s", r1, r2);
	free(r1);
	free(r2);
	return reply;
}

/* "Hi, how are you?" gets an answer to that too, and so does "hi, how r
 * u? I'm a student... what do nurses do?" (once): reply with "I'm well"
 * in it, after the host's own hello if it opens with one. */
static char *
with_how_are_you(struct session *s, const struct said *l, char *reply)
{
	if ((l->u.act == ACT_GREETING || !s->priv->said_well) && reply != NULL &&
	    asks_how_are_you(s->last_norm) && l->worst != KIND_JOB_ASK && l->worst != KIND_SALARY &&
	    strstr(reply, "well") == NULL && strstr(reply, "fine") == NULL) {
		s->priv->said_well = true;
		/* After the host's own hello, if it opens with one. */
		size_t hello = 0;
		if (dialogue_greets(reply))
			for (const char *p = reply; *p != '\0' && hello == 0; p++)
				if ((*p == '!' || *p == '.') && p[1] == ' ')
					hello = (size_t)(p - reply) + 2;
		char *r = xasprintf("%.*sI'm well, thanks for asking. %s", (int)hello, reply, reply + hello);
		free(reply);
		reply = r;
	}
	return reply;
}

/* "Mind if I use your name?": a yes there would mean the host minds, so
 * a reply opening "Yes, by all means." opens "By all means." and a bare
 * "Yes." is "Not at all." */
static char *
not_minding(const struct session *s, char *reply)
{
	const char *n = s->last_norm;
	if (reply == NULL || n == NULL ||
	    (strstr(n, "mind if") == NULL && strstr(n, "you mind") == NULL && strstr(n, "u mind") == NULL))
		return reply;
	char *r = NULL;
	if (strncmp(reply, "Yes, ", 5) == 0 && isalpha((unsigned char)reply[5]))
		r = xasprintf("%c%s", toupper((unsigned char)reply[5]), reply + 6);
	else if (strncmp(reply, "Yes.", 4) == 0)
		r = xasprintf("Not at all.%s", reply + 4);
	if (r == NULL)
		return reply;
	free(reply);
	return r;
}

/* "Hi! Is half an hour still OK?" gets a hello with its answer: reply
 * after the first hello, in the persona's manner and the user's time of
 * day. */
static char *
with_hello(struct session *s, const struct said *l, char *reply)
{
	if (!s->priv->greeted && dialogue_greets(s->last_norm) && l->u.act != ACT_GREETING && reply != NULL &&
	    l->worst != KIND_JOB_ASK && l->worst != KIND_SALARY && !dialogue_greets(reply)) {
		bool brisk = s->cfg.persona->style != NULL && strcmp(s->cfg.persona->style, "brisk") == 0;
		const char *hello = brisk ? "Hi." : "Hello!";
		if (strncmp(s->last_norm, "good morning", 12) == 0)
			hello = "Good morning!";
		else if (strncmp(s->last_norm, "good afternoon", 14) == 0)
			hello = "Good afternoon!";
		else if (strncmp(s->last_norm, "good evening", 12) == 0)
			hello = "Good evening!";
		char *r = xasprintf("%s %s", hello, reply);
		free(reply);
		reply = r;
	}
	return reply;
}

/* How many other words a short social line (thanks, a hello) is tried
 * in before the host's built-in ones. */
#define SAY_OTHERWISE 4

/* How many ways the host tries to say it has nothing new. */
#define NOTHING_NEW_TRIES 6

/* Whether the host gave text as its reply to a turn before turn
 * `before`. */
static bool
said_before(const struct session *s, size_t before, const char *text)
{
	for (size_t i = 0; i < before && i < s->nturns; i++)
		if (s->turns[i].reply != NULL && strcmp(s->turns[i].reply, text) == 0)
			return true;
	return false;
}

/* A short social line said another way (newly allocated), or NULL when
 * the host has no words for act a it has not used. */
static char *
said_otherwise(struct session *s, size_t before, enum act a)
{
	unsigned long minutes = agreed_minutes(s);
	for (size_t i = 0; i < SAY_OTHERWISE; i++) {
		char *other = host_act(&s->host, a, minutes);
		if (!said_before(s, before, other))
			return other;
		free(other);
	}
	for (size_t i = 0;; i++) {
		char *other = host_act_plain(a, i, minutes);
		if (other == NULL || !said_before(s, before, other))
			return other;
		free(other);
	}
}

/* The host never gives a reply word for word a second time in a
 * session: a short social line (thanks, a hello) is said another way
 * (while it has words it has not used), and anything else becomes the host saying, in its manner, that it has
 * nothing new, offering a topic not yet discussed.  Takes reply (newly
 * allocated) and returns the reply to give. */
static char *
never_again(struct session *s, struct said *l, char *reply)
{
	/* A reply on a topic given before, asked again, is no new answer. */
	bool repeated = s->host.repeated && l->two[0] == CAT_NONE;
	s->host.repeated = false;
	/* After the farewell the host's few words for "we're done" come
	 * round again: there is nothing else to say. */
	if (reply == NULL || l->after_farewell || (!repeated && !said_before(s, l->turn_index, reply)))
		return reply;
	enum act a = l->u.act;
	bool social = a == ACT_GREETING || a == ACT_THANKS || a == ACT_APOLOGY || a == ACT_ACK ||
	    a == ACT_GOODBYE || a == ACT_TIME_FRAME || a == ACT_OFF_TOPIC || a == ACT_SELF;
	char *other = social ? said_otherwise(s, l->turn_index, a) : NULL;
	if (other != NULL) {
		free(reply);
		return other;
	}
	/* "Thanks" for the seventh time: "nothing new to add" would answer
	 * nothing, so a short line may come round again. */
	if (social)
		return reply;
	l->t->answered = false;
	/* ... nor a new question on the topic. */
	if (l->t->counted && l->t->cat != CAT_NONE && s->asked[l->t->cat] > 0) {
		s->asked[l->t->cat]--;
		if (l->t->cat2 != CAT_NONE && s->asked[l->t->cat2] > 0)
			s->asked[l->t->cat2]--;
		l->t->counted = false;
	}
	for (int k = 0; k < NOTHING_NEW_TRIES; k++) {
		enum category offer = untouched_topic(s, l->u.cat, s->priv->offered);
		s->priv->offered = offer;
		other = host_nothing_new(&s->host, offer);
		if (!said_before(s, l->turn_index, other)) {
			dialogue_suggest(&s->priv->dlg, offer);
			break;
		}
		free(other);
		other = NULL;
	}
	if (other == NULL)
		return reply;
	free(reply);
	return other;
}

/* Everything the user has said that asked nothing (about themselves,
 * hellos, reactions), one line each; newly allocated. */
static char *
told_so_far(const struct session *s)
{
	size_t len = 1;
	for (size_t i = 0; i < s->nturns; i++)
		len += strlen(s->turns[i].text) + 1;
	char *said = xmalloc(len), *o = said;
	for (size_t i = 0; i < s->nturns; i++) {
		enum act a = s->turns[i].act;
		if (a == ACT_QUESTION || a == ACT_FOLLOW_UP || a == ACT_CLARIFY)
			continue;
		size_t n = strlen(s->turns[i].text);
		memcpy(o, s->turns[i].text, n);
		o += n;
		*o++ = '\n';
	}
	*o = '\0';
	return said;
}

/* Once the meeting has found its feet, the host asks something back, as
 * real hosts do; the answer is the user talking about themselves.  Not
 * once the user has begun to close: that is no time to start a new
 * thread. */
static void
ask_back(struct session *s, const struct said *l)
{
	bool closing_begun = s->asked[CAT_REFERRALS] > 0 || s->asked[CAT_MENTION_NAME] > 0 ||
	    s->thanked || s->priv->farewell_given;
	if (!s->priv->asked_back && questions_asked(s) == ASK_BACK_AFTER && l->u.act == ACT_QUESTION &&
	    l->worst == KIND_NONE && s->priv->self_words < SAID_ENOUGH && !closing_begun) {
		char *said = told_so_far(s);
		const char *back = host_ask_back(&s->host, said);
		free(said);
		if (back != NULL) {
			s->priv->asked_back = true;
			s->priv->last_ask = back;
			session_say(s, VOICE_HOST, back);
			dialogue_host_asked(&s->priv->dlg);
		}
	}
}

/* The coach's word on a closing question that counts: both closing
 * questions in one breath complete them. */
static void
coach_closing_line(struct session *s, const struct said *l)
{
	const struct understanding *u = &l->u;
	if (u->act == ACT_QUESTION && u->closing && l->worst == KIND_NONE && l->two[1] == CAT_MENTION_NAME &&
	    s->asked[CAT_REFERRALS] == 1 && s->asked[CAT_MENTION_NAME] == 1)
		session_say(s, VOICE_COACH, "Good: whom else to talk to, and leave to use their name, in one "
		    "breath. That completes the closing questions.");
	else if (u->act == ACT_QUESTION && u->closing && l->worst == KIND_NONE)
		coach_closing(s, l->t->cat);
}

/* "Could I mention your name when I write to her? And thanks so much,
 * bye!": a question answered in a line that also takes leave is followed
 * by the farewell, as a goodbye alone would be, so the meeting is closed
 * (the coach's hint at /end as answer_goodbye gives it). */
static void
take_leave_after(struct session *s, const struct said *l)
{
	if (!l->u.leaving || l->u.act != ACT_QUESTION || l->t->reply == NULL || s->priv->farewell_given)
		return;
	s->priv->farewell_given = true;
	s->priv->farewell_at = session_elapsed(s);
	char *bye = only_said_luck(s, with_duration(s->cfg.persona->farewell, agreed_minutes(s)));
	session_say(s, VOICE_HOST, bye);
	free(bye);
	if (!s->priv->end_hinted)
		session_say(s, VOICE_COACH, s->thanked ?
		    "Thanking the host is the right way to close. Type /end when you are ready for your report." :
		    "Type /end for your report.");
	s->priv->end_hinted = true;
}

/* Something the user said to the host, in steps: log it, understand it,
 * start its turn, coach its flags, correct what it was understood to do
 * (the order of those steps matters), reply, and let the host ask back
 * and the coach speak. */
static void
say_to_host(struct session *s, const char *text, size_t len)
{
	struct said l = {
		.text = text,
		.len = len,
		.two = {CAT_NONE, CAT_NONE},
		.two_q = {NULL, NULL},
		.two_means = NULL,
	};

	log_user(s, text);
	/* "ok" after the host took two questions one at a time: the other
	 * one now, as if asked again (its yes/no coached already). */
	char *later = s->priv->later;
	s->priv->later = NULL;
	if (later != NULL && !gives_room(text, len)) {
		free(later);
		later = NULL;
	}
	if (later != NULL) {
		l.text = later;
		l.len = strlen(later);
		/* It was asked beside the other, not after its answer: no
		 * going on with that. */
		dialogue_settle(&s->priv->dlg, CAT_NONE);
	}
	understand_line(s, &l);
	if (later != NULL)
		drop_kind(&l.as, KIND_CLOSED);
	start_turn(s, &l);
	l.after_farewell = said_after_farewell(s, &l.u);
	coach_flags(s, &l);
	override_repeat(s, &l);
	override_two(s, &l);
	override_glossary(s, &l);
	override_unsure(s, &l);
	override_nothing_yet(s, &l);
	override_new_subject(s, &l);
	override_other_subject(s, &l);
	override_firm(s, &l);
	override_feeling(s, &l);
	override_told_then_asks(s, &l);
	bool was_guarded = s->host.guarded > 0;
	char *reply = reply_to_line(s, &l);
	if (l.whole_norm != NULL) {
		free(s->last_norm);
		s->last_norm = l.whole_norm;
	}
	if (l.told != NULL && reply != NULL) {
		char *r = xasprintf("%s %s", l.told, reply);
		free(reply);
		reply = r;
	}
	free(l.told);
	free(l.two_q[0]);
	free(l.two_q[1]);
	if (later != NULL && reply != NULL) {
		char *r = xasprintf("Now, your other question. %s", reply);
		free(reply);
		reply = r;
	} else if (reply != NULL && l.two[0] == CAT_NONE && l.u.act == ACT_QUESTION &&
	    (l.worst == KIND_NONE || l.worst == KIND_CLOSED) && !l.after_farewell &&
	    (s->priv->later = other_question(s, text, len, l.t->cat)) != NULL) {
		/* Two questions it cannot answer together: one at a time. */
		char *r = xasprintf("One at a time, then. %s", reply);
		free(reply);
		reply = r;
	}
	/* "Sorry, that was out of line. What tools do you use?" to a guarded
	 * host: the apology is taken before the answer. */
	if (was_guarded && l.u.sorry && l.u.act == ACT_QUESTION && reply != NULL &&
	    dialogue_worst(&l.as) != KIND_JOB_ASK && dialogue_worst(&l.as) != KIND_SALARY) {
		char *r = xasprintf("That's all right. %s", reply);
		free(reply);
		reply = r;
	}
	/* Anything but small talk about the meeting moves past the host's
	 * opening question: it is not asked again. */
	if (l.u.act != ACT_GREETING && l.u.act != ACT_THANKS && l.u.act != ACT_TIME_FRAME)
		s->priv->opening_ask = NULL;
	reply = with_how_are_you(s, &l, reply);
	reply = not_minding(s, reply);
	reply = with_hello(s, &l, reply);
	reply = never_again(s, &l, reply);
	if (dialogue_greets(s->last_norm) || l.u.act == ACT_GREETING)
		s->priv->greeted = true;
	if (reply != NULL) {
		session_say(s, VOICE_HOST, reply);
		l.t->reply = reply;
	}
	ask_back(s, &l);
	coach_closing_line(s, &l);
	/* Whatever the host said (or when it said nothing), the coach's
	 * remarks come now. */
	coach_flush(s);
	take_leave_after(s, &l);
	s->priv->in_turn = false;
	write_event(s, l.t, &l.as);
	free(later);
}

/* Whether a whole line is a REPL word typed without its '/' ("quit",
 * "exit", "help"), as psql and python users type them. */
static bool
is_bare_command(const char *line)
{
	static const char *const words[] = {"quit", "exit", "help", "q", ":q"};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (strcasecmp(line, words[i]) == 0)
			return true;
	return false;
}

void
session_input(struct session *s, const char *line, size_t len)
{
	while (len > 0 && (line[len - 1] == ' ' || line[len - 1] == '\t' || line[len - 1] == '\r'))
		len--;
	while (len > 0 && (*line == ' ' || *line == '\t')) {
		line++;
		len--;
	}
	if (len == 0 || session_over(s))
		return;
	/* A notice that fell due while the line was typed comes first. */
	session_tick(s);
	if (session_over(s))
		return;
	char *copy = xmalloc(len + 1);
	memcpy(copy, line, len);
	copy[len] = '\0';
	if (!utf8_valid(copy, len, NULL)) {
		session_say(s, VOICE_INFO, "That line is not valid UTF-8; please type it again.");
	} else if (copy[0] == '/') {
		/* Commands are not speech: cmd_input() runs them. */
	} else if (is_bare_command(copy)) {
		/* Said to the host, "quit" would end nothing; say how. */
		session_say(s, VOICE_INFO, "Commands start with '/': /end finishes with your report, "
		    "/quit leaves without it, /help lists the rest. (Nothing was said to the host.)");
	} else {
		say_to_host(s, copy, len);
	}
	free(copy);
}

uint64_t
session_grace_ms(const struct session *s)
{
	uint64_t g = session_planned_ms(s) / 10;
	return g > GRACE_MAX_MS ? GRACE_MAX_MS : g;
}

uint64_t
session_notice_at(const struct session *s, enum notice n)
{
	return s->priv->notice_at[n];
}

const char *
session_notice_text(const struct session *s, enum notice n)
{
	return s->priv->notice_text[n];
}

uint64_t
session_next_due(const struct session *s)
{
	if (session_planned_ms(s) == 0 || session_over(s))
		return UINT64_MAX;
	const struct session_private *p = s->priv;
	uint64_t now = session_elapsed(s);
	for (int n = 0; n < NOTICE_COUNT; n++)
		if (p->notice_text[n] == NULL)
			return p->notice_at[n] > now ? p->notice_at[n] - now : 0;
	return UINT64_MAX;
}

/* Whether the user has asked anything of tier t. */
static bool
tier_asked(const struct session *s, enum tier t)
{
	for (int c = 0; c < CAT_COUNT; c++)
		if (s->asked[c] > 0 && category_tier((enum category)c) == t)
			return true;
	return false;
}

/* What the coach says when notice n falls due now: the words depend on
 * what has been asked so far (newly allocated; kept in notice_text). */
static char *
notice_text(const struct session *s, enum notice n)
{
	char total[32], left[32];
	uint64_t d = session_planned_ms(s);
	clock_span(d, total, sizeof total);
	switch (n) {
	case NOTICE_START:
	{
		unsigned long m = (unsigned long)((d + 59999) / 60000);
		return xasprintf("The clock is running: %s. Agree the time frame with the host at the start "
		    "(\"I know you have about %lu minute%s; I'll keep an eye on the time\"). /time shows what is left.",
		    total, m, m == 1 ? "" : "s");
	}
	case NOTICE_HALF:
		clock_span(d - s->priv->notice_at[NOTICE_HALF], left, sizeof left);
		if (!tier_asked(s, TIER_INDUSTRY))
			return xasprintf("Half time: %s left. Have you asked about the industry as well as the job?", left);
		if (!tier_asked(s, TIER_JOB))
			return xasprintf("Half time: %s left. Have you asked about their own work as well as the industry?", left);
		return xasprintf("Half time: %s left. You have covered the job and the industry; keep to the time.", left);
	case NOTICE_FIVE:
		clock_span(d - s->priv->notice_at[NOTICE_FIVE], left, sizeof left);
		if (s->asked[CAT_REFERRALS] && s->asked[CAT_MENTION_NAME] && s->thanked)
			return xasprintf("%s left. You have asked your closing questions and thanked the host: "
			    "/end when you are ready.", left);
		if (s->asked[CAT_REFERRALS] && s->asked[CAT_MENTION_NAME])
			return xasprintf("%s left. You have asked your closing questions: thank the host and /end "
			    "when you are ready.", left);
		if (s->asked[CAT_REFERRALS])
			return xasprintf("%s left. Start wrapping up: ask whether you may use their name when you "
			    "get in touch.", left);
		if (s->asked[CAT_MENTION_NAME])
			return xasprintf("%s left. Start wrapping up: ask whom else you could talk to.", left);
		return xasprintf("%s left. Start wrapping up: ask whom else you could talk to, and whether "
		    "you may use their name.", left);
	case NOTICE_TIMEUP:
		if (s->asked[CAT_REFERRALS] && s->asked[CAT_MENTION_NAME] && s->thanked)
			return xstrdup("Time is up. You have closed well: /end for your report.");
	{
		/* Name only what is still to do: "ask whether you may use
		 * their name, thank them and /end". */
		bool refs = s->asked[CAT_REFERRALS], name = s->asked[CAT_MENTION_NAME];
		const char *ask = refs && name ? "" : refs ? "ask whether you may use their name" :
		    name ? "ask whom else you could talk to" : "ask your closing questions now";
		return xasprintf("Time is up. Tell the host you want to respect their time, %s%s%s and /end.",
		    ask, *ask != '\0' && !s->thanked ? ", " : "", s->thanked ? "" : "thank them");
	}
	case NOTICE_END:
		clock_span(session_grace_ms(s), left, sizeof left);
		if (s->priv->farewell_given)
			return xasprintf("The grace after time up (%s) is over. You had closed the meeting "
			    "in time: here is your report.", left);
		return xasprintf("The grace after time up (%s) is over: the host ends the meeting.", left);
	default:
		return NULL;
	}
}

/* End the open meeting at elapsed time at, as how says (SESSION_ENDED
 * or SESSION_ENDED_BY_CLOCK): the host says goodbye unless it already
 * has, and the transcript records how it ended. */
static void
end_meeting(struct session *s, enum session_state how, uint64_t at)
{
	s->priv->state = how;
	s->priv->ended_at = at;
	if (!s->priv->farewell_given) {
		char *bye = only_said_luck(s, with_duration(s->cfg.persona->farewell, agreed_minutes(s)));
		session_say(s, VOICE_HOST, bye);
		free(bye);
	}
	s->priv->farewell_given = true;
	log_end(s, how == SESSION_ENDED_BY_CLOCK ? TRANSCRIPT_END_CLOCK : TRANSCRIPT_END);
}

void
session_tick(struct session *s)
{
	if (session_planned_ms(s) == 0 || session_over(s))
		return;
	struct session_private *p = s->priv;
	uint64_t now = session_elapsed(s);
	for (int n = 0; n < NOTICE_COUNT; n++) {
		if (p->notice_text[n] != NULL || p->notice_at[n] > now)
			continue;
		/* After the host's farewell, half time has nothing left to
		 * pace ("keep to the time"); the later notices say what is
		 * left to do (/end). */
		if (p->farewell_given && n == NOTICE_HALF)
			continue;
		p->notice_text[n] = notice_text(s, (enum notice)n);
		session_say(s, VOICE_COACH, p->notice_text[n]);
		if (n == NOTICE_END) {
			/* The host will not keep going past the grace: the meeting
			 * ended when it ran out, even if this tick comes later
			 * (a piped session only ticks when a line arrives); but a
			 * user who had closed (thanks or goodbye, and the host's
			 * farewell) ended it then, only without typing /end. */
			if (p->farewell_given)
				end_meeting(s, SESSION_ENDED, p->farewell_at);
			else
				end_meeting(s, SESSION_ENDED_BY_CLOCK, p->notice_at[NOTICE_END]);
			return;
		}
	}
}

void
session_finish(struct session *s)
{
	if (!session_over(s))
		end_meeting(s, SESSION_ENDED, session_elapsed(s));
}

void
session_leave(struct session *s)
{
	if (session_over(s))
		return;
	s->priv->state = SESSION_QUIT;
	s->priv->ended_at = session_elapsed(s);
	log_end(s, TRANSCRIPT_END_QUIT);
}

void
session_unsent(struct session *s, const char *text)
{
	free(s->unsent);
	s->unsent = xstrdup(text);
	if (s->cfg.transcript != NULL &&
	    transcript_append(s->cfg.transcript, TRANSCRIPT_UNSENT, text, clock_wall_ms(s->cfg.clock)) != 0 &&
	    !s->save_failed) {
		s->save_failed = true;
		s->cfg.say(s->cfg.say_arg, VOICE_INFO, "infocoach", transcript_error(s->cfg.transcript));
	}
}

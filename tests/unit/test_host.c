/*
 * test_host.c -- every persona of every shipped bank holds a conversation:
 * its content is there (follow-ups for every reply, a glossary, its own
 * words for the acts, questions to ask back), a question naming a word
 * only one reply variant has gets that variant, thirty follow-ups in a
 * row never repeat a reply, and no question back asks what the user has
 * already said.
 */
#include <config.h>

#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "assess.h"
#include "catalog.h"
#include "host.h"
#include "session.h"
#include "tap.h"
#include "xmalloc.h"


static char *lines[256];
static size_t nlines;

static void
capture(void *arg, enum voice v, const char *who, const char *text)
{
	(void)arg;
	(void)who;
	if (v == VOICE_HOST && nlines < sizeof lines / sizeof *lines)
		lines[nlines++] = xstrdup(text);
}

static void
forget(void)
{
	for (size_t i = 0; i < nlines; i++)
		free(lines[i]);
	nlines = 0;
}

/* Whether keyword k of variant i is found in no other variant of the
 * category (its keywords or its text). */
static bool
unique_keyword(const struct persona *p, int c, size_t i, const char *k)
{
	for (size_t j = 0; j < p->replies[c].n; j++) {
		if (j == i)
			continue;
		if (strcasestr(p->replies[c].v[j], k) != NULL)
			return false;
		for (size_t w = 0; p->extra[c] != NULL && w < p->extra[c][j].keywords.n; w++)
			if (strstr(p->extra[c][j].keywords.v[w], k) != NULL || strstr(k, p->extra[c][j].keywords.v[w]) != NULL)
				return false;
	}
	return true;
}

/* How many of the n lines in v[] repeat an earlier one (reported as
 * TAP comments); frees them. */
static size_t
repeats_in(const char *bank, const char *pid, const char *what, char **v, size_t n)
{
	size_t rep = 0;
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < i; j++)
			if (strcmp(v[i], v[j]) == 0) {
				rep++;
				printf("# %s/%s: %s repeated before its other variants: %.60s\n", bank, pid, what, v[i]);
				break;
			}
	}
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	return rep;
}

/* "May I mention your name?" before the host has named anyone to talk
 * to never gets a reply about people already named ("I'll let them know
 * to expect your email"), however often it is asked. */
static void
check_name_before_referral(const char *bank, const struct persona *p)
{
	static const char *const host_does[] = {"I'll", "I will", "let me", "I can", "give me", NULL};
	struct host h;
	host_init(&h, p, 7);
	size_t presumed = 0, n = p->replies[CAT_MENTION_NAME].n + 2;
	for (size_t i = 0; i < n; i++) {
		char *r = host_reply_to(&h, CAT_MENTION_NAME, "may i mention your name?", true);
		bool does = false;
		for (const char *const *w = host_does; *w != NULL; w++)
			does |= strstr(r, *w) != NULL;
		if (does && strstr(r, " them") != NULL) {
			presumed++;
			printf("# %s/%s: before any referral: %.70s\n", bank, p->id, r);
		}
		free(r);
	}
	host_free(&h);
	ok(presumed == 0, "%s/%s: leave to use the name before any referral speaks of no one named",
	    bank, p->id);
}

/* A question back whose key words the user has already said is not
 * asked: to someone who said they work in a warehouse, no question back
 * about warehouses, though one is among the persona's (checked where a
 * persona has one). */
static void
check_ask_back_told(const char *bank, const struct persona *p)
{
	const char *about = NULL;
	for (size_t i = 0; i < p->asks_back.n && about == NULL; i++)
		if (strcasestr(p->asks_back.v[i], "warehouse") != NULL)
			about = p->asks_back.v[i];
	if (about == NULL)
		return;
	size_t asked[2] = {0, 0};
	const char *said[2] = {NULL, "hi\ni do weekend shifts at a warehouse\n"};
	for (int k = 0; k < 2; k++) {
		struct host h;
		host_init(&h, p, 7);
		for (size_t i = 0; i < p->asks_back.n; i++) {
			const char *back = host_ask_back(&h, said[k]);
			asked[k] += back != NULL && strcmp(back, about) == 0;
		}
		host_free(&h);
	}
	ok(asked[0] == 1 && asked[1] == 0,
	    "%s/%s: asks '%.30s...' only of someone who has not said they work in a warehouse", bank,
	    p->id, about);
}

/* Whether r is variant v with the "also" of its opening "I also" taken
 * out, as the first reply on a topic is ("As clinical lead I spend...":
 * nothing went before it to add to). */
static bool
same_but_also(const char *r, const char *v)
{
	const char *at = strstr(v, "I also ");
	if (at == NULL)
		at = strstr(v, "we also ");
	if (at == NULL)
		at = strstr(v, "We also ");
	if (at == NULL)
		return false;
	const char *also = strstr(at, "also ");
	size_t head = (size_t)(also - v);
	return strncmp(r, v, head) == 0 && strcmp(r + head, also + 5) == 0;
}

/* Whether r is variant v with its opening label put in a sentence
 * ("Staffing. Some mornings..." as "The hardest part is staffing. Some
 * mornings..."): the rest word for word, the label in r's opening. */
static bool
same_but_framed(const char *r, const char *v)
{
	const char *stop = strstr(v, ". ");
	size_t label = stop != NULL ? (size_t)(stop - v) : strlen(v) - 1;
	const char *rest = v + label;   /* ". Some mornings..." or "." */
	size_t rn = strlen(r), restn = strlen(rest);
	if (label == 0 || rn <= restn || strcmp(r + rn - restn, rest) != 0)
		return false;
	/* r's opening ends with the label, its first letter in either case. */
	size_t on = rn - restn;
	return on > label && strncmp(r + on - (label - 1), v + 1, label - 1) == 0 &&
	    tolower((unsigned char)r[on - label]) == tolower((unsigned char)v[0]);
}

/* Every list of the host's words (the acts, reactions, fallbacks, acks,
 * questions back, pay in general, the user's studies): as many lines in a
 * row as the list has variants are all different. */
static void
check_no_repeats(const char *bank, const struct persona *p)
{
	enum { MAXV = 64 };
	char *v[MAXV];
	size_t rep = 0, lists = 0;
	struct host h;
	host_init(&h, p, 11);
	for (int a = 0; a < ACT_COUNT; a++) {
		size_t n = h.act_lines[a].n < MAXV ? h.act_lines[a].n : MAXV;
		for (int round = 0; round < 2; round++) {
			for (size_t i = 0; i < n; i++)
				v[i] = host_act(&h, (enum act)a, 30);
			rep += repeats_in(bank, p->id, act_name((enum act)a), v, n);
			lists++;
		}
	}
	for (int k = 0; k < KIND_COUNT; k++) {
		size_t n = p->reactions[k].n < MAXV ? p->reactions[k].n : MAXV;
		for (size_t i = 0; i < n; i++)
			v[i] = host_react(&h, (enum flag_kind)k);
		rep += repeats_in(bank, p->id, "a reaction", v, n);
		lists++;
	}
	size_t n = p->fallback.n < MAXV ? p->fallback.n : MAXV;
	for (size_t i = 0; i < n; i++)
		v[i] = host_reply(&h, CAT_NONE);
	rep += repeats_in(bank, p->id, "a fallback", v, n);
	n = p->acks.n < MAXV ? p->acks.n : MAXV;
	for (size_t i = 0; i < n; i++)
		v[i] = host_ack(&h);
	rep += repeats_in(bank, p->id, "an ack", v, n);
	n = p->asks_back.n < MAXV ? p->asks_back.n : MAXV;
	for (size_t i = 0; i < n; i++)
		v[i] = xstrdup(host_ask_back(&h, NULL));
	rep += repeats_in(bank, p->id, "a question back", v, n);
	for (size_t i = 0; i < h.pay_general.n; i++)
		v[i] = host_react_pay(&h, false);
	rep += repeats_in(bank, p->id, "a word on pay in general", v, h.pay_general.n);
	for (size_t i = 0; i < h.leave.n; i++)
		v[i] = host_leave(&h);
	rep += repeats_in(bank, p->id, "leave given", v, h.leave.n);
	for (size_t i = 0; i < h.calm.n; i++)
		v[i] = host_calm(&h, "sorry i'm so nervous");
	rep += repeats_in(bank, p->id, "a word to calm nerves", v, h.calm.n);
	for (size_t i = 0; i < h.self_study.n; i++)
		v[i] = host_self(&h, "i studied history at university");
	rep += repeats_in(bank, p->id, "a word on the user's studies", v, h.self_study.n);
	for (size_t i = 0; i < h.self_change.n; i++)
		v[i] = host_self(&h, "i am changing careers after years in retail");
	rep += repeats_in(bank, p->id, "a word on a career change", v, h.self_change.n);
	for (size_t i = 0; i < h.unsure.n; i++)
		v[i] = host_unsure(&h, CAT_LIKES, CAT_CHALLENGES);
	rep += repeats_in(bank, p->id, "a question which topic was meant", v, h.unsure.n);
	lists += 8;
	ok(rep == 0, "%s/%s: no line of the host's repeats while another variant is unused (%zu lists)", bank,
	    p->id, lists);
	host_free(&h);
}

static void
check_persona(const char *bank, struct ruleset *rs, const struct bank *b, const struct persona *p)
{
	/* The content. */
	size_t bare = 0, variants = 0;
	for (int c = 0; c < CAT_COUNT; c++)
		for (size_t i = 0; i < p->replies[c].n; i++) {
			variants++;
			const struct reply_extra *x = p->extra[c] != NULL ? &p->extra[c][i] : NULL;
			if (x == NULL || x->more.n + x->why.n == 0) {
				bare++;
				printf("# %s/%s: no follow-up for %s: %.60s\n", bank, p->id, category_name((enum category)c),
				    p->replies[c].v[i]);
			}
		}
	ok(bare == 0, "%s/%s: every reply (%zu) has a follow-up", bank, p->id, variants);
	ok(p->nterms >= 15, "%s/%s: a glossary of at least 15 terms (%zu)", bank, p->id, p->nterms);
	static const enum act acts[] = {ACT_GREETING, ACT_THANKS, ACT_APOLOGY, ACT_ACK, ACT_SELF,
		ACT_TIME_FRAME, ACT_GOODBYE, ACT_OFF_TOPIC};
	size_t few = 0;
	for (size_t a = 0; a < sizeof acts / sizeof *acts; a++)
		if (p->acts[acts[a]].n < 3) {
			few++;
			printf("# %s/%s: %zu lines for %s\n", bank, p->id, p->acts[acts[a]].n, act_name(acts[a]));
		}
	ok(few == 0, "%s/%s: at least 3 lines of its own for each act", bank, p->id);
	ok(p->asks_back.n >= 4, "%s/%s: at least 4 questions to ask back (%zu)", bank, p->id, p->asks_back.n);

	/* A question naming a keyword only one variant has gets that one. */
	size_t tried = 0, missed = 0;
	for (int c = 0; c < CAT_COUNT; c++)
		for (size_t i = 0; p->extra[c] != NULL && i < p->replies[c].n; i++)
			for (size_t k = 0; k < p->extra[c][i].keywords.n; k++) {
				const char *kw = p->extra[c][i].keywords.v[k];
				if (!unique_keyword(p, c, i, kw))
					continue;
				struct host h;
				host_init(&h, p, 7);
				/* Leave to use the name, once the host has named
				 * people (before, see check_name_before_referral). */
				h.referred = c == CAT_MENTION_NAME;
				char *q = xasprintf("what about %s?", kw);
				char *r = host_reply_to(&h, (enum category)c, q, true);
				tried++;
				if (strcmp(r, p->replies[c].v[i]) != 0 && !same_but_also(r, p->replies[c].v[i]) &&
				    !same_but_framed(r, p->replies[c].v[i])) {
					missed++;
					printf("# %s/%s: \"%s\" (%s) got another variant\n", bank, p->id, q,
					    category_name((enum category)c));
				}
				free(q);
				free(r);
				host_free(&h);
			}
	ok(tried > 0 && missed == 0, "%s/%s: a question naming a variant's own keyword gets it (%zu tried)",
	    bank, p->id, tried);

	/* Asked about using their name, the host names no one that only some
	 * of its referral replies name ("I'll let Jasmine know" after it
	 * suggested Owen). */
	{
		size_t wrong = 0;
		const struct strlist *ref = &p->replies[CAT_REFERRALS];
		for (size_t i = 0; i < p->replies[CAT_MENTION_NAME].n; i++) {
			const struct reply_extra *x = p->extra[CAT_MENTION_NAME] != NULL ?
			    &p->extra[CAT_MENTION_NAME][i] : NULL;
			const char *texts[16];
			size_t nt = 0;
			texts[nt++] = p->replies[CAT_MENTION_NAME].v[i];
			for (size_t j = 0; x != NULL && j < x->more.n && nt < 16; j++)
				texts[nt++] = x->more.v[j];
			for (size_t j = 0; x != NULL && j < x->why.n && nt < 16; j++)
				texts[nt++] = x->why.v[j];
			for (size_t t = 0; t < nt; t++)
				for (const char *w = texts[t]; *w != '\0'; w++) {
					/* A capital not opening a sentence or a quotation. */
					if (!(*w >= 'A' && *w <= 'Z') || w == texts[t] || w[-1] != ' ' ||
					    (w - texts[t] >= 2 && strchr(".!?:'\"", w[-2]) != NULL))
						continue;
					size_t n = 1;
					while (w[n] >= 'a' && w[n] <= 'z')
						n++;
					if (n < 3)
						continue;
					char name[40];
					snprintf(name, sizeof name, "%.*s", (int)n, w);
					size_t in = 0;
					for (size_t r = 0; r < ref->n; r++)
						in += strstr(ref->v[r], name) != NULL;
					if (in > 0 && in < ref->n) {
						wrong++;
						printf("# %s/%s: mention_name names %s, whom not every referral reply names\n",
						    bank, p->id, name);
					}
				}
		}
		ok(wrong == 0, "%s/%s: asked to use their name, the host names no one it may not have suggested",
		    bank, p->id);
	}

	/* "Would you mind if I said...?" is never answered with a yes. */
	{
		struct host h;
		host_init(&h, p, 5);
		size_t yes = 0, nm = p->replies[CAT_MENTION_NAME].n;
		for (size_t i = 0; i < nm; i++) {
			char *r = host_reply_to(&h, CAT_MENTION_NAME,
			    "would you mind if i said you suggested i get in touch?", true);
			if (strncmp(r, "Yes", 3) == 0 || strncmp(r, "Sure", 4) == 0 ||
			    strncmp(r, "Of course", 9) == 0 || strncmp(r, "Absolutely", 10) == 0 ||
			    strncmp(r, "Certainly", 9) == 0) {
				yes++;
				printf("# %s/%s: \"would you mind\" answered: %.60s\n", bank, p->id, r);
			}
			free(r);
		}
		ok(nm > 0 && yes == 0, "%s/%s: \"would you mind if I said...\" is never answered yes (%zu replies)",
		    bank, p->id, nm);
		host_free(&h);
	}

	/* Thirty follow-ups in a row, in a session, never repeat a reply. */
	struct assessor *as = assessor_new(rs, POLICY_DEFAULT);
	struct clock clk;
	clock_init_virtual(&clk);
	struct session_config cfg = {
		.bank = b, .persona = p, .assessor = as, .clock = &clk, .seed = 3,
		.say = capture, .say_arg = NULL,
	};
	struct session *s = session_new(&cfg);
	forget();
	const char *first = "How did you get into this line of work?";
	session_input(s, first, strlen(first));
	const char *more = "Could you say more about that?";
	for (int k = 0; k < 30; k++)
		session_input(s, more, strlen(more));
	size_t repeats = 0;
	for (size_t i = 0; i < nlines; i++)
		for (size_t j = i + 1; j < nlines; j++)
			if (strcmp(lines[i], lines[j]) == 0) {
				repeats++;
				printf("# %s/%s: repeated: %.70s\n", bank, p->id, lines[i]);
			}
	ok(nlines >= 31 && repeats == 0, "%s/%s: 30 follow-ups in a row never repeat a reply (%zu replies)",
	    bank, p->id, nlines);
	forget();
	session_free(s);

	/* Goodbyes, one more than the persona has words for them: its
	 * farewell, then each goodbye once, and none of them twice. */
	s = session_new(&cfg);
	forget();
	const char *bye = "Thank you so much for your time today, goodbye!";
	size_t nbye = p->acts[ACT_GOODBYE].n > 0 ? p->acts[ACT_GOODBYE].n : 3;
	for (size_t k = 0; k <= nbye; k++)
		session_input(s, bye, strlen(bye));
	session_finish(s);
	size_t farewells = 0;
	repeats = 0;
	for (size_t i = 0; i < nlines; i++) {
		farewells += strcmp(lines[i], p->farewell) == 0;
		for (size_t j = i + 1; j < nlines; j++)
			if (strcmp(lines[i], lines[j]) == 0) {
				repeats++;
				printf("# %s/%s: said twice: %.70s\n", bank, p->id, lines[i]);
			}
	}
	ok(nlines == nbye + 1 && repeats == 0 && (farewells == 1 || strstr(p->farewell, "{duration}") != NULL),
	    "%s/%s: %zu goodbyes get the farewell once and no line twice (%zu host lines)", bank, p->id,
	    nbye + 1, nlines);
	forget();
	session_free(s);
	check_no_repeats(bank, p);
	check_ask_back_told(bank, p);
	check_name_before_referral(bank, p);
	assessor_free(as);
}

/* A greeting for a time of day fits the user's hour; other text is kept. */
static void
test_time_of_day(void)
{
	static const struct {
		const char *text;
		int hour;
		const char *want;
	} t[] = {
		{"Good afternoon, and welcome. I'm Colm.", 9, "Good morning, and welcome. I'm Colm."},
		{"Good afternoon, and welcome. I'm Colm.", 14, "Good afternoon, and welcome. I'm Colm."},
		{"Good afternoon, and welcome. I'm Colm.", 19, "Good evening, and welcome. I'm Colm."},
		{"Good afternoon, and welcome. I'm Colm.", 2, "Hello, and welcome. I'm Colm."},
		{"Good morning. Shall we begin?", 23, "Hello. Shall we begin?"},
		{"Good evening!", 5, "Good morning!"},
		{"Morning. Find the place okay?", 15, "Afternoon. Find the place okay?"},
		{"Morning. Find the place okay?", 3, "Hi. Find the place okay?"},
		{"Morning. Find the place okay?", 11, "Morning. Find the place okay?"},
		{"Mornings are my quiet time.", 15, "Mornings are my quiet time."},
		{"Good afternoons are rare here.", 9, "Good afternoons are rare here."},
		{"Hello! Good to meet you.", 9, "Hello! Good to meet you."},
		{"", 9, ""},
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char *got = host_time_of_day(t[i].text, t[i].hour);
		char name[96];
		snprintf(name, sizeof name, "time of day: '%s' at %d", t[i].text, t[i].hour);
		is_str(got, t[i].want, name);
		free(got);
	}
}

/* Aisha (accounting): after a lead's colon an ordinary first word is
 * lowered, and "I", an acronym and a name her words write capitalised
 * are kept; her boss is the controller she names, by the role asked or
 * by the glossary's "reviews our work". */
static void
check_aisha(const struct persona *p)
{
	static const struct {
		const char *in, *out;
	} lead[] = {
		{"The close takes five days.", "the close takes five days."},
		{"Hannah marks up my entries.", "Hannah marks up my entries."},
		{"I started in tax.", "I started in tax."},
		{"AI tools draft the notes.", "AI tools draft the notes."},
		{"Charting is slow.", "charting is slow."},
	};
	struct host h;
	host_init(&h, p, 7);
	for (size_t i = 0; i < sizeof lead / sizeof *lead; i++) {
		char *t = xstrdup(lead[i].in);
		host_lower_first(&h, t);
		is_str(t, lead[i].out, lead[i].in);
		free(t);
	}
	const char *const asks[] = {"who is your boss, the controller?", "who do you report to?"};
	for (size_t i = 0; i < 2; i++) {
		char *r = host_colleagues(&h, COLLEAGUES_BOSS, asks[i]);
		ok(strncmp(r, "Hannah Kim is our controller.", 29) == 0, "aisha, \"%s\": %s", asks[i], r);
		free(r);
	}
	host_free(&h);
}

int
main(void)
{
	test_time_of_day();

	const char *top = getenv("TOP_SRCDIR");
	char *dir = xasprintf("%s/questionbanks", top ? top : ".");
	struct catalog cat = {0};
	cat.dirs[0].path = dir;
	cat.ndirs = 1;
	DIR *d = opendir(dir);
	if (d == NULL) {
		printf("Bail out! cannot read %s\n", dir);
		return 1;
	}
	char *names[32];
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL && n < 32) {
		size_t l = strlen(e->d_name);
		if (l > 5 && strcmp(e->d_name + l - 5, ".yaml") == 0)
			names[n++] = xstrndup(e->d_name, l - 5);
	}
	closedir(d);
	for (size_t i = 0; i < n; i++) {
		struct diag_list dl = {0};
		const char *one[1] = {names[i]};
		struct ruleset *rs = catalog_open(&cat, one, 1, &dl);
		diag_flush(&dl, stdout);
		if (ok(rs != NULL && rs->nbanks == 1, "%s loads", names[i]))
			for (size_t p = 0; p < rs->banks[0]->npersonas; p++)
				check_persona(names[i], rs, rs->banks[0], &rs->banks[0]->personas[p]);
		for (size_t p = 0; rs != NULL && rs->nbanks == 1 && p < rs->banks[0]->npersonas; p++)
			if (strcmp(rs->banks[0]->personas[p].id, "aisha") == 0)
				check_aisha(&rs->banks[0]->personas[p]);
		ruleset_free(rs);
		free(names[i]);
	}
	free(dir);
	return tap_done();
}

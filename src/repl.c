/*
 * repl.c -- the conversation's input and output (see repl.h).
 *
 * Readline's own signal handling is turned off (rl_catch_signals = 0):
 * with the callback interface our loop owns the signals.  They are
 * blocked except inside pselect(), so a handler can only run while we
 * wait, and it only sets a flag.
 */
#include <config.h>

#include "repl.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "cmd.h"
#include "diag.h"
#include "files.h"
#include "linereader.h"
#include "plan.h"
#include "text.h"
#include "voice.h"
#include "xmalloc.h"

static volatile sig_atomic_t got_int, got_end, got_winch, got_tstp;

/* The running REPL, for readline's callbacks (which take no argument). */
static struct {
	struct session *s;
	const struct repl_options *o;
	bool eof;               /* Ctrl-D or end of input */
	char *pending;          /* lines ended with a backslash so far */
	struct review *review;  /* the review under way (after /review), or
	                           offered (after /end), or NULL */
	bool offering;          /* /review was offered after /end's report:
	                           the next line takes it up or leaves */
} cur;

/* Whether lines are still wanted: the meeting goes on, or a review. */
static bool
active(const struct session *s)
{
	return !session_over(s) || cur.offering ||
	    (cur.review != NULL && cur.review->started && !review_over(cur.review));
}

/* A line typed: to the review when one is under way, else to the
 * session; a review asked for with /review starts once the report is
 * given. */
static void
hear(struct session *s, const char *line, size_t len)
{
	if (cur.offering) {
		/* After /end's report: /review takes the offer, anything else
		 * (an empty line) leaves. */
		cur.offering = false;
		while (len > 0 && strchr(" \t\r", line[len - 1]) != NULL)
			len--;
		size_t i = strspn(line, " \t");
		if (len - i == 7 && strncasecmp(line + i, "/review", 7) == 0)
			review_start(cur.review);
		return;
	}
	if (cur.review != NULL) {
		review_input(cur.review, line, len);
		return;
	}
	cmd_input(s, line, len);
	if (!s->reported || cur.review != NULL || (!s->review_wanted && !s->review_offer))
		return;
	struct review_config rc = {
		.s = s, .t = s->cfg.transcript, .clock = s->cfg.clock,
		.say = s->cfg.say, .say_arg = s->cfg.say_arg,
	};
	cur.review = review_new(&rc);
	if (s->review_wanted) {
		review_start(cur.review);
	} else if (cur.review->n > 0) {
		size_t lines = 0;
		for (size_t i = 0; i < cur.review->n; i++)
			lines += cur.review->items[i].turn != SIZE_MAX;
		size_t topics = cur.review->n - lines;
		char what[96];
		if (lines > 0 && topics > 0)
			snprintf(what, sizeof what, "%zu flagged line%s and %zu topic%s not asked", lines,
			    lines == 1 ? "" : "s", topics, topics == 1 ? "" : "s");
		else if (lines > 0)
			snprintf(what, sizeof what, "%zu flagged line%s", lines, lines == 1 ? "" : "s");
		else
			snprintf(what, sizeof what, "%zu topic%s not asked", topics, topics == 1 ? "" : "s");
		char *offer = xasprintf("To redo what went wrong now (%s), type /review; Enter leaves.", what);
		session_say(s, VOICE_INFO, offer);
		free(offer);
		cur.offering = true;
	}
}

/*
 * A line ending in a backslash continues on the next: collect it (without
 * the backslash) and return NULL; otherwise return the whole turn, newly
 * allocated, with the collected lines joined by newlines.  The line holds
 * no NUL byte (a piped line's come as U+FFFD, linereader.h).
 */
static char *
join_continued(const char *line, size_t len)
{
	bool more = len > 0 && line[len - 1] == '\\';
	char *part = xstrndup(line, more ? len - 1 : len);
	char *all = cur.pending ? xasprintf("%s\n%s", cur.pending, part) : xstrdup(part);
	free(part);
	free(cur.pending);
	cur.pending = NULL;
	if (more) {
		cur.pending = all;
		return NULL;
	}
	return all;
}

static void
on_signal(int sig)
{
	switch (sig) {
	case SIGINT:
		got_int = 1;
		break;
	case SIGWINCH:
		got_winch = 1;
		break;
	case SIGTSTP:
		got_tstp = 1;
		break;
	default:
		got_end = sig;
		break;
	}
}

static const int handled[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGWINCH, SIGTSTP};

/* Install our handlers with every handled signal blocked; *old gets the
 * mask to wait with. */
static void
signals_on(sigset_t *old)
{
	sigset_t block;
	struct sigaction sa;
	sigemptyset(&block);
	for (size_t i = 0; i < sizeof handled / sizeof *handled; i++)
		sigaddset(&block, handled[i]);
	sigprocmask(SIG_BLOCK, &block, old);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof handled / sizeof *handled; i++)
		sigaction(handled[i], &sa, NULL);
}

static void
signals_off(const sigset_t *old)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	for (size_t i = 0; i < sizeof handled / sizeof *handled; i++)
		sigaction(handled[i], &sa, NULL);
	sigprocmask(SIG_SETMASK, old, NULL);
}

static unsigned
term_width(const struct repl_options *o)
{
	unsigned w = o->interactive ? voice_width(STDOUT_FILENO) : 0;
	return w != 0 ? w : VOICE_PIPE_WIDTH;
}

static void
emit(const struct repl_options *o, enum voice v, const char *who, const char *text)
{
	/* Piped output keeps the program's lines whole, for diffs. */
	voice_print(stdout, v, who, text, term_width(o), o->color, o->interactive);
	fflush(stdout);
}

void
repl_say(void *arg, enum voice v, const char *who, const char *text)
{
	const struct repl_options *o = arg;
	/* While readline shows a half-typed line (a timed notice), clear it,
	 * print, and put the line back exactly as it was.  Inside the line
	 * handler the terminal is not prepped, and we just print. */
	if (o->interactive && cur.s != NULL && !cur.eof && rl_prompt != NULL &&
	    RL_ISSTATE(RL_STATE_CALLBACK) && RL_ISSTATE(RL_STATE_TERMPREPPED)) {
		int point = rl_point;
		char *saved = rl_copy_text(0, rl_end);
		char *prompt = xstrdup(rl_prompt);
		rl_set_prompt("");
		rl_replace_line("", 0);
		rl_redisplay();
		emit(o, v, who, text);
		rl_set_prompt(prompt);
		rl_replace_line(saved, 0);
		rl_point = point;
		rl_redisplay();
		free(saved);
		free(prompt);
		return;
	}
	emit(o, v, who, text);
}

/* Completion: commands after '/', topics after '/suggest ' (as people
 * read them, "industry trends", from either form typed), command names
 * after '/help ', otherwise the questions of the user's own list not
 * asked yet (--questions), then the bank's (the whole line is one
 * word, so questions with spaces complete). */
static char *
complete_gen(const char *text, int state)
{
	static int idx;
	static size_t len;
	if (state == 0) {
		idx = 0;
		len = strlen(text);
	}
	if (strncmp(text, "/suggest ", 9) == 0) {
		while (idx < CAT_COUNT) {
			enum category c = (enum category)idx++;
			if (category_matches(c, text + 9, len - 9, false))
				return xasprintf("/suggest %s", category_words(c));
		}
		return NULL;
	}
	if (strncmp(text, "/help ", 6) == 0) {
		char pre[64];
		snprintf(pre, sizeof pre, "/%s", text + 6);
		const char *c = cmd_complete(pre, idx++);
		return c ? xasprintf("/help %s", c) : NULL;
	}
	if (text[0] == '/') {
		const char *c = cmd_complete(text, idx++);
		return c ? xasprintf("/%s", c) : NULL;
	}
	const struct plan *pl = cur.s != NULL ? cur.s->cfg.plan : NULL;
	size_t own = pl != NULL ? pl->n : 0;
	while ((size_t)idx < own) {
		const struct plan_item *it = &pl->items[idx++];
		if (it->turn == PLAN_NOT_ASKED && strncasecmp(it->text, text, len) == 0)
			return xstrdup(it->text);
	}
	const struct bank *b = cur.o->bank;
	while (b != NULL && (size_t)idx - own < b->nquestions) {
		const char *q = b->questions[(size_t)idx++ - own].text;
		if (strncasecmp(q, text, len) == 0)
			return xstrdup(q);
	}
	return NULL;
}

/* Listing the matches of '/suggest ' or '/help ': the words after the
 * command only ("industry trends", not "/suggest industry trends"). */
static void
show_matches(char **matches, int n, int max)
{
	const char *cmds[] = {"/suggest ", "/help "};
	size_t skip = 0;
	for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++)
		if (strncmp(matches[0], cmds[i], strlen(cmds[i])) == 0)
			skip = strlen(cmds[i]);
	char **shown = xcalloc((size_t)n + 2, sizeof *shown);
	for (int i = 0; i <= n; i++)
		shown[i] = matches[i] + (strlen(matches[i]) >= skip ? skip : 0);
	rl_display_match_list(shown, n, max - (int)skip);
	free(shown);
	rl_forced_update_display();
}

static char **
complete(const char *text, int start, int end)
{
	(void)start;
	(void)end;
	rl_attempted_completion_over = 1;
	/* Questions are offered in the order made, the list's unasked ones
	 * before the bank's; readline would sort them all together.  The
	 * commands and topics are sorted as before. */
	rl_sort_completion_matches = text[0] == '/';
	return rl_completion_matches(text, complete_gen);
}

/* The prompt: "you> ", with the minutes left in a timed session. */
static const char *
prompt_text(void)
{
	static char buf[64];
	const char *bold = cur.o->color ? "\001\033[1m\002" : "";
	const char *plain = cur.o->color ? "\001\033[0m\002" : "";
	if (cur.pending != NULL)
		return "...> ";  /* the turn goes on after a backslash */
	if (cur.offering)
		return "> ";
	if (cur.review != NULL) {
		snprintf(buf, sizeof buf, "%stry>%s ", bold, plain);
		return buf;
	}
	if (session_planned_ms(cur.s) == 0) {
		snprintf(buf, sizeof buf, "%syou>%s ", bold, plain);
		return buf;
	}
	uint64_t total = session_planned_ms(cur.s), el = session_elapsed(cur.s);
	if (el >= total)
		snprintf(buf, sizeof buf, "[time up] %syou>%s ", bold, plain);
	else
		snprintf(buf, sizeof buf, "[%lum left] %syou>%s ", (unsigned long)((total - el + 59999) / 60000),
		    bold, plain);
	return buf;
}

/* Milliseconds until the prompt's minute count changes (timed only). */
static uint64_t
until_prompt_changes(void)
{
	if (session_planned_ms(cur.s) == 0 || session_over(cur.s))
		return UINT64_MAX;
	uint64_t total = session_planned_ms(cur.s), el = session_elapsed(cur.s);
	if (el >= total)
		return UINT64_MAX;
	uint64_t left = total - el;
	uint64_t r = left % 60000;
	return r == 0 ? 60000 : r;
}

/* Lines added to the history in this session, to append at the end. */
static int history_added;

/*
 * Keep a line in the history, as shells do with HISTCONTROL=ignoreboth:
 * not an empty line, not one typed with a leading space (a way to keep a
 * line private), not the same line twice in a row.  A pasted line of
 * several lines is kept as one, its line breaks as spaces.
 */
static void
remember(const char *line)
{
	if (*line == '\0' || *line == ' ')
		return;
	char *flat = xstrdup(line);
	for (char *p = flat; *p != '\0'; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	HIST_ENTRY *last = history_length > 0 ? history_get(history_base + history_length - 1) : NULL;
	if (last == NULL || strcmp(last->line, flat) != 0) {
		add_history(flat);
		history_added++;
	}
	free(flat);
}

static void
on_line(char *line)
{
	if (line == NULL) {
		cur.eof = true;
		rl_callback_handler_remove();
		putchar('\n');
		return;
	}
	if (cur.o->history != NULL)
		remember(line);
	char *turn = join_continued(line, strlen(line));
	free(line);
	if (turn == NULL) {
		rl_set_prompt(prompt_text());
		return;
	}
	hear(cur.s, turn, strlen(turn));
	free(turn);
	if (!active(cur.s))
		rl_callback_handler_remove();
	else
		rl_set_prompt(prompt_text());
}

/*
 * The meeting ends while a line is being edited (the clock, a signal):
 * keep the words typed but not sent (with any continued lines before
 * them) as an unsent record, then take the line off the screen, prompt
 * and all, and let go of the terminal, so that what follows (the report,
 * or the shell's prompt) starts on a clean, empty line.
 */
static void
end_line(struct session *s)
{
	char *typed = rl_copy_text(0, rl_end);
	char *all = cur.pending == NULL ? xstrdup(typed) :
	    typed[0] != '\0' ? xasprintf("%s\n%s", cur.pending, typed) : xstrdup(cur.pending);
	if (all[strspn(all, " \t\n")] != '\0')
		session_unsent(s, all);
	free(all);
	free(typed);
	free(cur.pending);
	cur.pending = NULL;
	rl_set_prompt("");
	rl_replace_line("", 0);
	rl_point = rl_end = 0;
	rl_redisplay();
	rl_callback_handler_remove();
	fflush(stdout);
}

static void
history_start(const struct repl_options *o)
{
	using_history();
	stifle_history(REPL_HISTORY_SIZE);
	if (o->history != NULL) {
		/* Private from the start, not only once it is saved again. */
		chmod(o->history, 0600);
		read_history(o->history);
	}
}

static void
history_end(const struct repl_options *o)
{
	if (o->history == NULL)
		return;
	/* Best effort: history is a convenience, never the record. */
	char *dir = xstrdup(o->history);
	char *slash = strrchr(dir, '/');
	char err[256];
	if (slash != NULL) {
		*slash = '\0';
		files_mkdir_private(dir, err, sizeof err);
	}
	free(dir);
	/* Append only this session's lines, so that two sessions at once
	 * do not overwrite each other's history. */
	int n = history_added < history_length ? history_added : history_length;
	int rc = 0;
	if (access(o->history, F_OK) != 0)
		rc = write_history(o->history);
	else if (n > 0)
		rc = append_history(n, o->history);
	if (rc != 0 || history_truncate_file(o->history, REPL_HISTORY_SIZE) != 0)
		diag_warning("cannot save the history in %s", o->history);
	else
		chmod(o->history, 0600);
	history_added = 0;
	clear_history();
}

/*
 * readline follows $include in inputrc files without a depth limit, so a
 * file that includes itself crashes it.  Walk the includes first (up to
 * 8 deep); on a cycle, warn and read no inputrc at all.
 */
static bool
inputrc_ok(const char *path, int depth)
{
	if (depth > 8)
		return false;
	FILE *fp = fopen(path, "r");
	if (fp == NULL)
		return true;
	char line[4096];
	bool ok = true;
	while (ok && fgets(line, sizeof line, fp) != NULL) {
		char *p = line + strspn(line, " \t");
		if (strncmp(p, "$include", 8) != 0)
			continue;
		p += 8;
		p += strspn(p, " \t");
		p[strcspn(p, "\r\n")] = '\0';
		char *inc;
		const char *home = getenv("HOME");
		if (p[0] == '~' && p[1] == '/' && home != NULL)
			inc = xasprintf("%s%s", home, p + 1);
		else
			inc = xstrdup(p);
		ok = inputrc_ok(inc, depth + 1);
		free(inc);
	}
	fclose(fp);
	return ok;
}

static void
check_inputrc(void)
{
	const char *env = getenv("INPUTRC");
	const char *home = getenv("HOME");
	char *path = env && env[0] ? xstrdup(env) : home ? xasprintf("%s/.inputrc", home) : xstrdup("/etc/inputrc");
	if (!inputrc_ok(path, 0)) {
		diag_warning("%s includes itself (or nests too deep); readline settings are not read", path);
		setenv("INPUTRC", "/dev/null", 1);
	}
	free(path);
}

/* The columns the text s takes on screen, readline's invisible
 * stretches (between \001 and \002) left out. */
static size_t
visible_columns(const char *s)
{
	size_t n = 0;
	bool hidden = false;
	for (const char *p = s; *p != '\0';) {
		if (*p == '\001' || *p == '\002') {
			hidden = *p++ == '\001';
			continue;
		}
		size_t k = strcspn(p, "\001\002");
		if (!hidden)
			n += utf8_columns(p, k);
		p += k;
	}
	return n;
}

/*
 * The window changed size: redraw the prompt and the line being typed
 * once.  Terminals that reflow (tmux, VTE, kitty...) have rewrapped the
 * line to the new width, so the cursor's row within it is its column
 * count divided by the new width: go up to the line's first row, clear
 * to the end of the screen and draw it afresh.  (readline's own redraw
 * goes by the old width and left the first rows of a rewrapped line
 * behind: two prompts.)
 */
static void
redraw_resized(void)
{
	struct winsize ws;
	rl_reset_screen_size();
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || ws.ws_col == 0) {
		rl_forced_update_display();
		return;
	}
	size_t at = visible_columns(rl_prompt) + utf8_columns(rl_line_buffer, (size_t)rl_point);
	size_t up = at / ws.ws_col;
	fputc('\r', stdout);
	if (up > 0)
		printf("\033[%zuA", up);
	fputs("\033[J", stdout);
	fflush(stdout);
	rl_on_new_line();
	rl_redisplay();
}

static int
run_interactive(struct session *s, const struct repl_options *o)
{
	sigset_t wait_mask;
	int sig = 0;

	check_inputrc();
	rl_readline_name = "infocoach";
	rl_catch_signals = 0;
	rl_catch_sigwinch = 0;
	rl_attempted_completion_function = complete;
	rl_completion_display_matches_hook = show_matches;
	static char no_breaks[] = "";
	rl_completer_word_break_characters = no_breaks;
	rl_basic_word_break_characters = no_breaks;
	history_start(o);
	signals_on(&wait_mask);
	rl_callback_handler_install(prompt_text(), on_line);
	bool held = false;
	while (active(s) && !cur.eof) {
		if (held)
			clock_release(s->cfg.clock);
		held = false;
		fd_set fds;
		FD_ZERO(&fds);
		FD_SET(STDIN_FILENO, &fds);
		/* Wake for the next notice, or when the prompt's minutes change. */
		uint64_t wait = session_next_due(s), tp = until_prompt_changes();
		if (tp < wait)
			wait = tp;
		struct timespec ts, *tsp = NULL;
		if (wait != UINT64_MAX) {
			ts.tv_sec = (time_t)(wait / 1000);
			ts.tv_nsec = (long)(wait % 1000) * 1000000L;
			tsp = &ts;
		}
		int r = pselect(STDIN_FILENO + 1, &fds, NULL, NULL, tsp, &wait_mask);
		int wait_errno = errno; /* before anything below can change it */
		/* What this wake-up does happens at one instant (clock_hold). */
		clock_hold(s->cfg.clock);
		held = true;
		if (got_end) {
			sig = got_end;
			break;
		}
		if (got_int) {
			/* Ctrl-C: drop the line being typed, keep the session. */
			got_int = 0;
			rl_free_line_state();
			rl_callback_sigcleanup();
			rl_replace_line("", 0);
			rl_point = rl_end = 0;
			fputs("^C\n", stdout);
			rl_on_new_line();
			rl_redisplay();
		}
		if (got_winch) {
			got_winch = 0;
			redraw_resized();
		}
		if (got_tstp) {
			/* Ctrl-Z: give the terminal back, stop, and come back with
			 * the line being typed redrawn.  (In an orphaned process
			 * group the kernel discards the stop, and we just redraw.) */
			got_tstp = 0;
			rl_deprep_terminal();
			fflush(stdout);
			signal(SIGTSTP, SIG_DFL);
			sigset_t only;
			sigemptyset(&only);
			sigaddset(&only, SIGTSTP);
			sigprocmask(SIG_UNBLOCK, &only, NULL);
			raise(SIGTSTP);
			sigprocmask(SIG_BLOCK, &only, NULL);
			struct sigaction sa;
			memset(&sa, 0, sizeof sa);
			sa.sa_handler = on_signal;
			sigaction(SIGTSTP, &sa, NULL);
			rl_prep_terminal(0);
			rl_forced_update_display();
		}
		if (r > 0 && FD_ISSET(STDIN_FILENO, &fds))
			rl_callback_read_char();
		else if (r < 0 && wait_errno != EINTR)
			break;
		if (!session_over(s) && !cur.eof) {
			/* Notices print above the line being typed, which stays. */
			session_tick(s);
			if (session_over(s)) {
				end_line(s);
				break;
			}
			if (strcmp(rl_prompt, prompt_text()) != 0) {
				rl_set_prompt(prompt_text());
				rl_redisplay();
			}
		}
	}
	if (!cur.eof && !session_over(s)) {
		end_line(s);    /* a signal */
	} else if (!cur.eof && active(s)) {
		/* A signal during a review: a try half typed is no try. */
		rl_set_prompt("");
		rl_replace_line("", 0);
		rl_redisplay();
		rl_callback_handler_remove();
		fflush(stdout);
	}
	if (held)
		clock_release(s->cfg.clock);
	signals_off(&wait_mask);
	if (sig == 0)
		history_end(o);
	return sig;
}

static int
run_piped(struct session *s, const struct repl_options *o)
{
	/* A line cut at REPL_MAX_LINE bytes is said to be; a read error ends
	 * the input as its end does; a signal interrupts a read. */
	const struct linereader_options lo = {
		.max_line = REPL_MAX_LINE, .cut_long = true,
		.strip_cr = true, .strip_bom = false, .nul_to_fffd = true,
		.binary_probe = 0, .max_bytes = 0,
		.interruptible = true, .error_ends_input = true,
		.source = NULL, .source_arg = NULL,
	};
	struct linereader *lr = linereader_new(STDIN_FILENO, &lo);
	sigset_t old;
	int sig = 0;

	/* Handlers without SA_RESTART, unblocked: a signal interrupts read(). */
	signals_on(&old);
	sigprocmask(SIG_SETMASK, &old, NULL);
	while (active(s)) {
		struct linereader_line l;
		enum linereader_status st = linereader_next(lr, &l);
		if (got_end) {
			sig = got_end;
			break;
		}
		if (st == LR_INTERRUPTED)
			continue;
		if (st != LR_LINE)
			break;  /* repl_run() ends the session */
		clock_hold(s->cfg.clock);
		if (o->step_ms > 0 && !session_over(s)) {
			clock_advance(s->cfg.clock, o->step_ms);
			session_tick(s);
			if (session_over(s)) {
				clock_release(s->cfg.clock);
				break;
			}
		}
		if (l.cut)
			session_say(s, VOICE_INFO, "That line was longer than 64 KiB; only its start was kept.");
		if (l.len > 0) {
			/* Echoed as read: a NUL shows as \x00. */
			fputs("> ", stdout);
			text_write_safe(stdout, l.s, l.len);
			putchar('\n');
		}
		char *turn = join_continued(l.text, l.text_len);
		if (turn != NULL)
			hear(s, turn, strlen(turn));
		free(turn);
		clock_release(s->cfg.clock);
	}
	signals_off(&old);
	linereader_free(lr);
	return sig;
}

int
repl_run(struct session *s, const struct repl_options *o)
{
	cur.s = s;
	cur.o = o;
	cur.eof = false;
	cur.review = NULL;
	cur.offering = false;
	int sig = o->interactive ? run_interactive(s, o) : run_piped(s, o);
	/* The end of input, its last turn and the farewell: one instant. */
	clock_hold(s->cfg.clock);
	if (sig == 0 && !o->interactive)
		session_tick(s);   /* a notice due at the end of the input */
	if (cur.pending != NULL) {
		/* Input ended inside a continued line: it is still a turn. */
		if (sig == 0 && active(s))
			hear(s, cur.pending, strlen(cur.pending));
		free(cur.pending);
		cur.pending = NULL;
	}
	if (sig == 0 && !session_over(s))
		cmd_finish(s);
	/* A meeting the clock ended gets its report once the line editor
	 * has let go of the terminal. */
	if (sig == 0)
		cmd_conclude(s);
	cur.offering = false;
	if (cur.review != NULL) {
		if (sig == 0)
			review_finish(cur.review);
		s->save_failed |= cur.review->save_failed;
		review_free(cur.review);
		cur.review = NULL;
	}
	clock_release(s->cfg.clock);
	cur.s = NULL;
	return sig;
}

int
repl_review(struct review *rv, const struct repl_options *o)
{
	struct session *s = rv->cfg.s;
	cur.s = s;
	cur.o = o;
	cur.eof = false;
	cur.review = rv;
	cur.offering = false;
	review_start(rv);
	int sig = 0;
	if (!review_over(rv))
		sig = o->interactive ? run_interactive(s, o) : run_piped(s, o);
	if (cur.pending != NULL) {
		if (sig == 0 && active(s))
			review_input(rv, cur.pending, strlen(cur.pending));
		free(cur.pending);
		cur.pending = NULL;
	}
	if (sig == 0)
		review_finish(rv);
	cur.review = NULL;
	cur.s = NULL;
	return sig;
}

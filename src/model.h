/*
 * model.h -- the learned second opinion: flag, category and act of a line.
 *
 * A linear model (multinomial logistic regression) over hashed features
 * of the normalised line: Snowball stems, stem bigrams, character
 * n-grams of each word, the first word and whether it asks.  Three heads
 * share the features: the flag (ok, job_ask, salary), the category (the
 * taxonomy, or none) and the dialogue act.  Each judgement is a
 * probability, so callers can decide how sure is sure enough.
 *
 * The weights are trained from labelled examples (examples.h) by
 * model_train(), which also runs a k-fold cross-validation to choose the
 * confidence thresholds the coach uses, and are saved to a model file
 * that 'make' builds and installs.  Loading maps the file; a file that is
 * not a model of this version is refused with the reason.
 *
 * The model knows nothing of rules, sessions or the terminal.
 */
#ifndef INFOCOACH_MODEL_H
#define INFOCOACH_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "normalize.h"
#include "taxonomy.h"

/* The flag head's classes. */
enum mflag { MFLAG_OK, MFLAG_JOB_ASK, MFLAG_SALARY, MFLAG_COUNT };

/* The category head has one class per category and one for "none". */
#define MCAT_NONE CAT_COUNT
#define MCAT_COUNT (CAT_COUNT + 1)

/* The file the build makes and installs, under the data directory. */
#define MODEL_FILE "model/understanding.model"

/* What the model makes of a line. */
struct judgement {
	float flag[MFLAG_COUNT];   /* probabilities, summing to 1 */
	float cat[MCAT_COUNT];
	float act[ACT_COUNT];
};

/* Confidence thresholds chosen by cross-validation at training time. */
struct model_thresholds {
	float job_ask;      /* P(job_ask) from which the model flags a line */
	float salary;       /* P(salary) likewise */
	float category;     /* P(top category) below which the host asks */
	float closing;      /* P(referrals or mention_name) from which a
	                       closing question is counted and praised */
};

struct model;

/*
 * Load the model at path.  Returns it, or NULL with the reason in
 * err[0..errlen) ("not an infocoach model (bad magic at byte 0)").
 */
struct model *model_load(const char *path, char *err, size_t errlen);
void model_free(struct model *m);

/* The thresholds the model was saved with. */
const struct model_thresholds *model_thresholds(const struct model *m);

/* The words the model saw in training, for the normaliser. */
const struct lexicon *model_lexicon(const struct model *m);

/* Judge the normalised line text[0..len). */
void model_judge(struct model *m, const char *text, size_t len, struct judgement *out);

/*
 * The features that weighed most for class cls of head head (0 flag,
 * 1 category, 2 act) in the normalised line: up to k readable names
 * ("hire", "your team") in buf, separated by ", ".  Returns the number.
 */
size_t model_explain(struct model *m, int head, int cls, const char *text, size_t len,
    char *buf, size_t buflen, size_t k);

/* The index of the largest of p[0..n), and the runner-up in *second
 * (when not NULL; -1 when n < 2). */
int model_top(const float *p, int n, int *second);

/* One labelled example for training: -1 where a head has no label. */
struct example {
	char *text;             /* as written (owned by the caller) */
	int flag;               /* enum mflag, or -1 */
	int cat;                /* a category, MCAT_NONE, or -1 */
	int act;                /* enum act, or -1 */
};

struct train_report {
	size_t examples[3];     /* examples with a label, per head */
	double job_p, job_r;    /* cross-validated, at the chosen thresholds */
	double pay_p, pay_r;
	double cat_acc;         /* cross-validated category accuracy */
	double act_acc;         /* cross-validated act accuracy */
	struct model_thresholds thr;
};

/*
 * Train on ex[0..n) (deterministic: the same examples in the same order
 * give the same file), with words[0..nwords) the correctly spelt words
 * the normaliser may trust, and save to path.  folds > 1 runs that many
 * folds of cross-validation first to choose the thresholds and fill *rep.
 * Returns 0, or -1 with the reason in err.
 */
int model_train(const struct example *ex, size_t n, char *const *words, size_t nwords,
    int folds, const char *path, struct train_report *rep, char *err, size_t errlen);

#endif

/*
 * files.h -- private files and directories, written durably.
 *
 * Everything infocoach keeps on disk is personal (what the user practised
 * saying), so directories are created 0700 and files 0600 whatever the
 * umask.  Whole files are replaced atomically: a temporary file in the
 * same directory, written, synced and renamed over the old one, then the
 * directory synced, so a reader sees the old content or the new, never
 * half of each.  files_write_all() and files_fsync() are the only places
 * where infocoach writes or syncs a file, which makes them the hooks for
 * fault injection in test builds.
 *
 * This module does not read files, lock them or append to them (see
 * transcript.h), and it never prints: failures are returned as messages
 * in the caller's buffer, raw, to be printed with diag_error(), which
 * escapes control characters in the path.
 */
#ifndef INFOCOACH_FILES_H
#define INFOCOACH_FILES_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/*
 * Create the directory dir and any missing parents with mode 0700,
 * whatever the umask.  Directories that already exist are left as they
 * are (their mode is not changed).  Returns true, or false with a message
 * in err[0..errlen) such as "'/x/y' exists and is not a directory" or
 * "cannot create the directory '/x/y': Permission denied".
 */
bool files_mkdir_private(const char *dir, char *err, size_t errlen);

/* The user's home: $HOME, else the password database's; NULL when
 * neither gives one. */
const char *files_home_dir(void);

/*
 * The infocoach state directory: "$XDG_STATE_HOME/infocoach" when
 * XDG_STATE_HOME is set to an absolute path (a relative or empty value is
 * ignored, as the XDG spec says), else "$HOME/.local/state/infocoach",
 * else the same under the home directory in the password database.
 * Returns a newly allocated string the caller frees, or NULL when no home
 * directory can be found.  The directory is not created.
 */
char *files_state_dir(void);

/*
 * Whether path means "no file at all": "/dev/null", as it does for every
 * file setting, option and environment variable of infocoach (the config
 * file, the transcript and its directory, the events file, the history,
 * the model, report --html).  NULL is not.
 */
bool files_is_none(const char *path);

/*
 * The input history file: $INFOCOACH_HISTORY when set (empty or
 * /dev/null: none), else "history" in the state directory.  Returns a
 * newly allocated path, or NULL for no history; *origin is
 * "INFOCOACH_HISTORY" when the variable decided, else NULL.
 */
char *files_history_path(const char **origin);

/*
 * Replace the file at path with data[0..len): write a temporary file
 * ".NAME.XXXXXX" (mode 0600) in the same directory, sync it, rename it
 * over path and sync the directory.  A symbolic link at path is replaced,
 * never followed.  Returns 0, or -1 with a message naming the step that
 * failed and the system's reason in err[0..errlen).  On failure the
 * temporary file is removed and the old file is untouched; the one
 * exception is a failure to sync the directory after the rename, where
 * the new content is in place but may not survive a power loss.
 */
int files_save_atomic(const char *path, const char *data, size_t len,
    char *err, size_t errlen);

/*
 * Write all of buf[0..len) to fd, retrying after EINTR and short writes.
 * Returns len, or -1 with errno set (some bytes may have been written).
 *
 * In builds with ENABLE_FAULT_INJECTION, INFOCOACH_FAULT_WRITE=N makes
 * the Nth call in the process (1-based, counting every call) fail with
 * ENOSPC without writing anything, and "N+" the Nth and every later call.
 */
ssize_t files_write_all(int fd, const void *buf, size_t len);

/*
 * Flush fd's data to the disk (fdatasync).  Returns 0, or -1 with errno.
 * After a failure the caller must not trust fd: the kernel may already
 * have dropped the unsaved pages, so a later sync could wrongly succeed.
 *
 * In builds with ENABLE_FAULT_INJECTION, INFOCOACH_FAULT_FSYNC=N makes
 * the Nth call fail with EIO ("N+": that call and every later one).
 */
int files_fsync(int fd);

#endif

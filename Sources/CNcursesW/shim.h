// C surface of ncursesw for Swift. The wide-character API is only declared
// when these are defined before the header is included.
#ifndef TERMLENS_CNCURSESW_SHIM_H
#define TERMLENS_CNCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// Attribute bits are cast macros Swift does not import.
static inline attr_t tl_attr_normal(void) { return A_NORMAL; }
static inline attr_t tl_attr_bold(void) { return A_BOLD; }
static inline attr_t tl_attr_reverse(void) { return A_REVERSE; }
static inline attr_t tl_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t tl_attr_dim(void) { return A_DIM; }

static inline WINDOW *tl_stdscr(void) { return stdscr; }
static inline WINDOW *tl_curscr(void) { return curscr; }
static inline int tl_lines(void) { return LINES; }
static inline int tl_cols(void) { return COLS; }
static inline int tl_colors(void) { return COLORS; }
static inline int tl_color_pairs(void) { return COLOR_PAIRS; }
static inline int tl_key_f(int n) { return KEY_F(n); }

// Swift 6 rejects the mutable globals stdin and stdout.
static inline FILE *tl_stdin(void) { return stdin; }
static inline FILE *tl_stdout(void) { return stdout; }

// glibc declares wcwidth only under _XOPEN_SOURCE; ncurses itself measures
// with it, so the presenter asks it what ncurses will assume.
static inline int tl_wcwidth(wchar_t c) { return wcwidth(c); }

static inline int tl_setlocale_all(const char *name) { return setlocale(LC_ALL, name) != NULL; }
static inline const char *tl_codeset(void) { return nl_langinfo(CODESET); }

// The capability string `name` of the current terminal, or NULL.
static inline const char *tl_tigetstr(const char *name) {
    char *s = tigetstr(name);
    return (s == NULL || s == (char *)-1) ? NULL : s;
}

// Mouse masks are macros built from other macros, which Swift does not import.
static inline mmask_t tl_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t tl_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t tl_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t tl_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t tl_button5_pressed(void) { return BUTTON5_PRESSED; }

// sigaction flags import as UInt32 on Linux while the field is Int32.
static inline int tl_sa_resethand(void) { return (int)SA_RESETHAND; }
static inline int tl_sa_restart(void) { return (int)SA_RESTART; }
#endif

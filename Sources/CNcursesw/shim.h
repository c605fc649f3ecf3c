#ifndef CLC_NCURSES_SHIM_H
#define CLC_NCURSES_SHIM_H
// SwiftPM drops pkg-config's -D flags: ask for the wide-character API explicitly.
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <ncursesw/curses.h>
#include <locale.h>
#include <wchar.h>

// Macros Swift cannot import, as functions.
static inline attr_t clc_a_bold(void) { return A_BOLD; }
static inline attr_t clc_a_reverse(void) { return A_REVERSE; }
static inline attr_t clc_a_underline(void) { return A_UNDERLINE; }
static inline attr_t clc_a_dim(void) { return A_DIM; }
static inline attr_t clc_a_italic(void) { return A_ITALIC; }
static inline attr_t clc_a_normal(void) { return A_NORMAL; }
static inline int clc_key_code_yes(void) { return KEY_CODE_YES; }
static inline int clc_key_resize(void) { return KEY_RESIZE; }
static inline int clc_err(void) { return ERR; }
static inline int clc_lines(void) { return LINES; }
static inline int clc_cols(void) { return COLS; }
static inline WINDOW *clc_stdscr(void) { return stdscr; }
static inline int clc_colors(void) { return COLORS; }
static inline int clc_color_pairs(void) { return COLOR_PAIRS; }
// At most `n` malloc arenas (glibc; elsewhere nothing): the dashboard computes figures on
// threads of their own, and glibc's default (8 per core) kept each thread's freed memory.
#if defined(__GLIBC__)
#include <malloc.h>
static inline void clc_limit_malloc_arenas(int n) { mallopt(M_ARENA_MAX, n); }
#else
static inline void clc_limit_malloc_arenas(int n) { (void)n; }
#endif

// The terminal on standard output and input (C globals Swift 6 cannot read safely).
static inline SCREEN *clc_newterm_std(void) { return newterm(NULL, stdout, stdin); }

// The mouse (only with --mouse): clicks, double clicks and the wheel.
static inline int clc_key_mouse(void) { return KEY_MOUSE; }
static inline int clc_mouse_enable(void) {
    mouseinterval(200);
    mmask_t wanted = BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED;
#ifdef BUTTON5_PRESSED
    wanted |= BUTTON5_PRESSED;
#endif
    return mousemask(wanted, NULL) != 0;
}
// The mouse event read after KEY_MOUSE: 0 none, 1 click, 2 double click, 3 wheel up, 4 wheel down.
static inline int clc_read_mouse(int *x, int *y) {
    MEVENT e;
    if (getmouse(&e) != OK) return 0;
    *x = e.x;
    *y = e.y;
    if (e.bstate & BUTTON1_DOUBLE_CLICKED) return 2;
    if (e.bstate & BUTTON1_CLICKED) return 1;
    if (e.bstate & BUTTON4_PRESSED) return 3;
#ifdef BUTTON5_PRESSED
    if (e.bstate & BUTTON5_PRESSED) return 4;
#endif
    return 0;
}

// Draws one grapheme (up to 8 wide chars: base + combining) with attributes and a colour pair.
static inline int clc_put_cell(int y, int x, const wchar_t *wch, attr_t attrs, short pair) {
    cchar_t c;
    if (setcchar(&c, wch, attrs, pair, NULL) == ERR) return ERR;
    return mvadd_wch(y, x, &c);
}
#endif

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

// Draws one grapheme (up to 8 wide chars: base + combining) with attributes and a colour pair.
static inline int clc_put_cell(int y, int x, const wchar_t *wch, attr_t attrs, short pair) {
    cchar_t c;
    if (setcchar(&c, wch, attrs, pair, NULL) == ERR) return ERR;
    return mvadd_wch(y, x, &c);
}
#endif

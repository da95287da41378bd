#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# test-accessible-names.py: walks the AT-SPI tree of windows of the real Zopa
# application (the main window, also with a draft open, the export dialog, New
# Scenario and the keyboard shortcuts) the way a screen reader meets them, and
# finds no control named after its widget class ("GtkMenuButton"), no
# interactive control without a name, and no name with a mnemonic underscore
# ("_Open Open"). Windows open by real input (xdotool): clicks and keys.
# Prints TAP.
#
# Reuses the AT-SPI and X helpers of test-real-input.py (same environment:
# ZOPA_APP, ZOPA_CLI, ZOPA_REAL_INPUT_TIMEOUT). Every wait is on a condition.

import importlib.util
import os
import re
import shutil
import sys
import tempfile
import traceback

_spec = importlib.util.spec_from_file_location(
    'zopa_real_input', os.path.join(os.path.dirname(os.path.abspath(__file__)), 'test-real-input.py'))
ri = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(ri)

import pyatspi  # noqa: E402 (after the set-up above)
from gi.repository import GLib  # noqa: E402

# Roles a user operates; each needs a name that says what it does.
INTERACTIVE = {
    'push button', 'toggle button', 'check box', 'radio button', 'menu item', 'check menu item',
    'radio menu item', 'combo box', 'entry', 'password text', 'spin button', 'slider', 'link',
    'switch', 'search bar',
}
# What a user reaches and hears as a thing of its own: the interactive roles, and the
# lists, items, scroll bars and pictures among them. (GTK 4.8 names any widget without a
# label after its class; layout containers are not announced as controls.)
CONTROLS = INTERACTIVE | {'scroll bar', 'list', 'list item', 'image', 'page tab', 'tree', 'table'}
# An icon inside a control (a row's arrow, an entry row's pencil) is part of that control,
# which has the name.
PARTS_OF = INTERACTIVE | {'list item', 'text'}
CLASS_NAME = re.compile(r'^(Gtk|Adw|Zopa)[A-Z][A-Za-z]*$')
# "_Open Open": a mnemonic's underscore before a letter, at the start of a word.
MNEMONIC = re.compile(r'(^|\s)_[^\W_]')


def describe(node):
    path = []
    current = node
    for _ in range(6):
        try:
            current = current.parent
        except GLib.Error:
            break
        if current is None:
            break
        path.append('%s %r' % (ri.role(current), current.name or ''))
    return '%s %r (in %s)' % (ri.role(node), node.name or '', ' < '.join(path))


def problems_in(window):
    """Every control of window that is named after its class, interactive and
    showing without a name, or named with a mnemonic underscore."""
    found = []
    stack = [(window, False)]
    while stack:
        node, inside_control = stack.pop()
        try:
            name = node.name or ''
            node_role = ri.role(node)
            node_states = ri.states(node)
            in_part = inside_control or node_role in PARTS_OF
            stack.extend((child, in_part) for child in reversed(ri.children(node)))
        except GLib.Error:
            continue  # gone meanwhile
        # What is not showing (another page of a stack, a closed menu) is not met; it is
        # walked when it shows.
        if pyatspi.STATE_SHOWING not in node_states or (node_role == 'image' and inside_control):
            continue
        if node_role in CONTROLS and CLASS_NAME.match(name.strip()):
            found.append('named after its class: ' + describe(node))
        elif node_role in INTERACTIVE and not name.strip():
            found.append('no name: ' + describe(node))
        elif MNEMONIC.search(name) and node_role in INTERACTIVE:
            found.append('mnemonic in the name: ' + describe(node))
    return found


class AccessibleNamesTest:
    def __init__(self, workdir, a11y_address):
        self.workdir = workdir
        self.app = ri.App(workdir, a11y_address)
        self.app.wait_until_ready()
        self.walked = 0

    def check_window(self, window, what):
        found = problems_in(window)
        self.walked += 1
        if found:
            raise ri.Failure('%s: %d problem(s):\n%s' % (what, len(found), '\n'.join(found)))
        ri.diag('%s: every control has a human name' % what)

    def new_window(self, before, what):
        """The toplevel that appears after before (the toplevels there were)."""
        def appeared():
            self.app.check_running()
            fresh = [w for w in self.app.toplevels() if w not in before]
            return fresh[0] if fresh else None
        return ri.wait_for(what, appeared)

    def close(self, window, what):
        self.app.focus(window)
        ri.press('Escape')
        ri.wait_for('%s to close' % what,
                    lambda: self.app.check_running() and window not in self.app.toplevels())
        self.app.focus(self.app.main)

    def by_keys(self, keys, what):
        before = self.app.toplevels()
        self.app.focus(self.app.main)
        ri.press(keys)
        return self.new_window(before, what)

    def test_main_window(self):
        self.check_window(self.app.main, 'the main window')

    def test_main_window_with_draft(self):
        drafts = ri.find_one(self.app.main, 'Drafts list',
                             lambda n: ri.role(n) == 'list' and n.name == 'Drafts')
        rows = ri.find_all(drafts, lambda n: ri.role(n) == 'list item')
        label = ri.find_one(rows[1], 'the second draft\'s title',
                            lambda n: ri.role(n) == 'label' and n.name == rows[1].name
                            and ri.on_screen(n))
        self.app.click(self.app.main, label)
        ri.wait_for('the draft to be selected',
                    lambda: pyatspi.STATE_SELECTED in ri.states(rows[1]))
        ri.wait_for('the draft panel to show the draft\'s clauses',
                    lambda: ri.find_all(self.app.main,
                                        lambda n: ri.role(n) == 'list'
                                        and n.name == 'Clauses' and ri.on_screen(n))
                    or ri.find_all(self.app.main, lambda n: ri.role(n) == 'entry'
                                   and n.name == 'Search Clauses' and ri.on_screen(n)))
        self.check_window(self.app.main, 'the main window with a draft selected')

    def test_window(self, opener, what):
        window = opener()
        ri.wait_for('%s to be filled' % what,
                    lambda: len(ri.find_all(window, lambda n: ri.role(n) in INTERACTIVE)) > 0)
        try:
            self.check_window(window, what)
        finally:
            self.close(window, what)


def main():
    try:
        a11y_address = ri.a11y_bus_address()
    except GLib.Error as error:
        ri.tap_skip_all('no AT-SPI bus: %s' % error.message)

    windows = [
        ('the keyboard shortcuts window', lambda t: t.by_keys('ctrl+question', 'the shortcuts window')),
        ('the New Scenario dialog', lambda t: t.by_keys('ctrl+n', 'the New Scenario dialog')),
        ('the export dialog', lambda t: t.by_keys('ctrl+e', 'the export dialog')),
    ]
    steps = [('the main window', lambda t: t.test_main_window()),
             ('the main window with a draft selected', lambda t: t.test_main_window_with_draft())]
    steps += [(what, (lambda opener, what: lambda t: t.test_window(lambda: opener(t), what))(opener, what))
              for what, opener in windows]

    print('1..%d' % len(steps))
    workdir = tempfile.mkdtemp(prefix='zopa-accessible-names-')
    test = None
    failed = 0
    try:
        try:
            test = AccessibleNamesTest(workdir, a11y_address)
        except Exception:
            ri.diag(traceback.format_exc())
        for number, (description, step) in enumerate(steps, 1):
            try:
                if test is None:
                    raise ri.Failure('the app did not start')
                step(test)
                print('ok %d - %s: no class names, empty names or mnemonics' % (number, description))
            except Exception as error:
                failed += 1
                print('not ok %d - %s' % (number, description))
                ri.diag('%s: %s' % (type(error).__name__, error))
                if not isinstance(error, ri.Failure):
                    ri.diag(traceback.format_exc())
            sys.stdout.flush()
    finally:
        if test is not None:
            output = test.app.stop()
            if output.strip():
                ri.diag('zopa printed:')
                ri.diag(output)
        shutil.rmtree(workdir, ignore_errors=True)
    return 1 if failed else 0


if __name__ == '__main__':
    with ri.KeyRepeatOff():
        status = main()
    sys.exit(status)

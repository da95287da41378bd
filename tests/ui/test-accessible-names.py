#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# test-accessible-names.py: walks the AT-SPI tree of every window of the real
# Zopa application a user can open (the main window, also with its main menu,
# a draft, a clause and the "changed on disk" banner; the keyboard shortcuts,
# New Scenario, export, actor, issue, variant, comparison, Assumptions, About
# and print windows; the file choosers to open and to save, the error dialog
# of a broken file, the dialog about a file changed on disk and the offer to
# restore unsaved changes after a crash) the way a screen reader meets them,
# and finds no control named after its widget class ("GtkMenuButton"), no
# interactive control without a name, no name with a mnemonic underscore
# ("_Open Open") and no name that says the same phrase twice ("Open Open").
# Windows open by real input (xdotool): clicks and keys. Prints TAP.
#
# Uses the AT-SPI and X helpers of zopa_real_input.py (same environment:
# ZOPA_APP, ZOPA_CLI, ZOPA_REAL_INPUT_TIMEOUT). Every wait is on a condition.

import json
import os
import re
import signal

import zopa_real_input as ri

# Roles a user operates; each needs a name that says what it does.
INTERACTIVE = {
    'push button', 'toggle button', 'check box', 'radio button', 'menu item', 'check menu item',
    'radio menu item', 'combo box', 'entry', 'password text', 'spin button', 'slider', 'link',
    'switch', 'search bar', 'text',
}
# What a user reaches and hears as a thing of its own: the interactive roles, and the
# lists, items, scroll bars and pictures among them. (GTK 4.8 names any widget without a
# label after its class; layout containers are not announced as controls.)
CONTROLS = INTERACTIVE | {'scroll bar', 'list', 'list item', 'image', 'page tab', 'tree', 'table'}
# An icon inside a control (a row's arrow, an entry row's pencil, a printer's icon in its
# row) is part of that control, which has the name.
PARTS_OF = INTERACTIVE | {'list item', 'text', 'table cell'}
CLASS_NAME = re.compile(r'^(Gtk|Adw|Zopa)[A-Z][A-Za-z]*$')
# "_Open Open": a mnemonic's underscore before a letter, at the start of a word.
MNEMONIC = re.compile(r'(^|\s)_[^\W_]')
# "Open Open", "Export… Export…": a name built from a label twice.
TWICE = re.compile(r'(.+?)\s+\1', re.DOTALL)


def describe(node):
    path = []
    current = node
    for _ in range(6):
        try:
            current = current.parent
        except ri.GLib.Error:
            break
        if current is None:
            break
        path.append('%s %r' % (ri.role(current), current.name or ''))
    return '%s %r (in %s)' % (ri.role(node), node.name or '', ' < '.join(path))


def problems_in(window):
    """(problems, controls): every control of window that is named after its
    class, interactive and showing without a name, named with a mnemonic
    underscore or with one phrase twice; and how many showing controls there are."""
    found = []
    checked = 0
    stack = [(window, False)]
    while stack:
        node, inside_control = stack.pop()
        try:
            name = node.name or ''
            node_role = ri.role(node)
            node_states = ri.states(node)
            in_part = inside_control or node_role in PARTS_OF
            stack.extend((child, in_part) for child in reversed(ri.children(node)))
        except ri.GLib.Error:
            continue  # gone meanwhile
        # What is not showing (another page of a stack, a closed menu) is not met; it is
        # walked when it shows. GTK 4.8 reports no "showing" state: a control shows when it
        # is visible and has a size in the window.
        if node_role not in CONTROLS or (node_role == 'image' and inside_control):
            continue
        try:
            if ri.pyatspi.STATE_VISIBLE not in node_states or not ri.on_screen(node):
                continue
        except ri.GLib.Error:
            continue
        checked += 1
        if node_role in CONTROLS and CLASS_NAME.match(name.strip()):
            found.append('named after its class: ' + describe(node))
        elif node_role in INTERACTIVE and not name.strip():
            found.append('no name: ' + describe(node))
        elif MNEMONIC.search(name) and node_role in INTERACTIVE:
            found.append('mnemonic in the name: ' + describe(node))
        elif node_role in CONTROLS and TWICE.fullmatch(name.strip()):
            found.append('the same phrase twice: ' + describe(node))
    return found, checked


class AccessibleNamesTest(ri.AppTest):
    def __init__(self, a11y_address, workdir):
        super().__init__(a11y_address, workdir)
        self.app = ri.App(workdir, a11y_address)
        self.app.wait_until_ready()

    def check_window(self, window, what):
        found, checked = problems_in(window)
        if found:
            raise ri.Failure('%s: %d problem(s):\n%s' % (what, len(found), '\n'.join(found)))
        if checked == 0:
            raise ri.Failure('%s: no control showing to walk' % what)
        ri.diag('%s: each of its %d showing controls has a human name' % (what, checked))

    def new_window(self, before, what):
        """The toplevel that appears after before (the toplevels there were)."""
        def appeared():
            self.app.check_running()
            fresh = [w for w in self.app.toplevels() if w not in before]
            return fresh[0] if fresh else None
        return ri.wait_for(what, appeared)

    def close(self, window, what):
        x_window = self.app.x_window(window)[0]
        self.app.focus(window)
        ri.press('Escape')
        # The X window goes first: zopa has then handled the key, and counts its windows
        # truly when asked for them (see App.toplevels).
        ri.wait_for('%s to close' % what, lambda: self.app.check_running()
                    and x_window not in ri.x_windows(self.app.pid))
        ri.wait_for('%s to leave the accessible tree' % what,
                    lambda: self.app.check_running() and window not in self.app.toplevels())
        self.app.focus(self.app.main)

    def after_failure(self):
        """Closes what a failed step left open besides the main window, as far as Escape can,
        so that the next step starts on the main window."""
        try:
            for window in self.app.others():
                self.close(window, repr(window.name))
        except Exception as error:
            ri.diag('could not close what the step left open: %s' % error)

    def by_keys(self, keys, what):
        before = self.app.toplevels()
        self.app.focus(self.app.main)
        ri.press(keys)
        return self.new_window(before, what)

    def test_main_window(self):
        self.check_window(self.app.main, 'the main window')

    def test_main_window_with_draft(self):
        self.select_draft(1)
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

    def menu_item(self, label):
        return ri.find_all(self.app.main, lambda n: ri.role(n) == 'menu item'
                           and ri.labelled(n, label) and ri.on_screen(n))

    def by_menu(self, label, key, what):
        """The main menu by F10, then the item's mnemonic key. When another item has the
        same key, the key moves the focus between them; Enter then activates the item."""
        before = self.app.toplevels()
        self.app.focus(self.app.main)
        ri.press('F10')
        ri.wait_for('the "%s" menu item' % label,
                    lambda: self.app.check_running() and self.menu_item(label))
        for _ in range(4):
            ri.press(key)

            def opened_or_focused():
                self.app.check_running()
                if [w for w in self.app.toplevels() if w not in before]:
                    return 'opened'
                for item in ri.find_all(self.app.main, lambda n: ri.role(n) == 'menu item'
                                        and ri.pyatspi.STATE_FOCUSED in ri.states(n)):
                    return 'focused' if ri.labelled(item, label) else 'other'
                return None
            state = ri.wait_for('%s to open or its menu item to take the focus' % what,
                                opened_or_focused)
            if state == 'focused':
                ri.press('Return')
            if state != 'other':
                break
        return self.new_window(before, what)

    def test_main_menu(self):
        """The main menu, open by F10: its items and the window around them."""
        self.app.focus(self.app.main)
        ri.press('F10')
        ri.wait_for('the main menu', lambda: self.app.check_running() and self.menu_item('About Zopa'))
        try:
            self.check_window(self.app.main, 'the main window with its main menu open')
        finally:
            ri.press('Escape')
            ri.wait_for('the main menu to close', lambda: not self.menu_item('About Zopa'))

    def test_actor_editor_sources(self):
        """The actor editor with a value made a range (its "±"), and the popover of the
        sources it rests on open; then Ctrl+Z takes the range back."""
        self.recovery_path()
        window = self.by_menu('Actors…', 'c', 'the actor editor')
        try:
            toggle = ri.wait_for('a "…, as a range" toggle', lambda: ri.find_all(
                window, lambda n: ri.role(n) in ('toggle button', 'push button')
                and (n.name or '').endswith(', as a range') and ri.on_screen(n)))[0]
            self.app.click(window, toggle)
            ri.wait_for('the range to be on', lambda: ri.pyatspi.STATE_PRESSED in ri.states(toggle))
            sources = ri.wait_for('the "Sources for…" button', lambda: ri.find_all(
                window, lambda n: ri.role(n) in ('toggle button', 'push button')
                and (n.name or '').startswith('Sources for') and ri.on_screen(n)
                and ri.pyatspi.STATE_FOCUSABLE in ri.states(n)))[0]
            self.app.click(window, sources)
            ri.wait_for('the sources\' links', lambda: ri.find_all(
                window, lambda n: ri.role(n) == 'push button' and (n.name or '').startswith('Open “')
                and ri.on_screen(n)))
            self.check_window(window, 'the actor editor with a range and its sources')
            ri.press('Escape')
            ri.wait_for('the sources to close', lambda: ri.pyatspi.STATE_PRESSED not in ri.states(sources))
            self.app.focus(window)
            ri.press('ctrl+z')
            ri.wait_for('the range to be undone', lambda: ri.pyatspi.STATE_PRESSED not in ri.states(toggle))
        finally:
            self.close(window, 'the actor editor')

    def select_draft(self, index):
        drafts = ri.find_one(self.app.main, 'Drafts list',
                             lambda n: ri.role(n) == 'list' and n.name == 'Drafts')
        rows = ri.find_all(drafts, lambda n: ri.role(n) == 'list item')
        label = ri.find_one(rows[index], 'the draft\'s title',
                            lambda n: ri.role(n) == 'label' and n.name == rows[index].name
                            and ri.on_screen(n))
        self.app.click(self.app.main, label)
        ri.wait_for('the draft to be selected',
                    lambda: ri.pyatspi.STATE_SELECTED in ri.states(rows[index]))

    def test_clause_editor(self):
        """The clause editor is a page of the draft panel: a click on a clause opens it,
        its Back button returns to the draft."""
        self.select_draft(1)
        jump = ri.wait_for('the "Clauses" button of the draft panel', lambda: ri.find_all(
            self.app.main, lambda n: ri.role(n) == 'push button' and n.name == 'Clauses' and ri.on_screen(n)))[0]
        self.app.click(self.app.main, jump)
        clauses = ri.wait_for('the Clauses list on screen', lambda: ri.find_all(
            self.app.main, lambda n: ri.role(n) == 'list' and n.name == 'Clauses' and ri.on_screen(n)))[0]
        height = ri.extents(self.app.main).height

        def first_clause_in_view():
            rows = ri.find_all(clauses, lambda n: ri.role(n) == 'list item' and ri.on_screen(n))
            if not rows:
                return None
            box = ri.extents(rows[0])
            return rows[0] if 0 <= box.y and box.y + box.height <= height else None
        row = ri.wait_for('the first clause scrolled into view', first_clause_in_view)
        label = ri.find_one(row, 'the clause\'s text',
                            lambda n: ri.role(n) == 'label' and n.name and ri.on_screen(n))
        self.app.click(self.app.main, label)
        ri.wait_for('the clause editor', lambda: ri.find_all(
            self.app.main, lambda n: ri.role(n) == 'text' and n.name == 'Number' and ri.on_screen(n)))
        self.check_window(self.app.main, 'the main window with the clause editor')
        back = ri.find_one(self.app.main, 'the clause editor\'s Back button',
                           lambda n: ri.role(n) == 'push button' and n.name == 'Back to the Draft'
                           and ri.on_screen(n))
        self.app.click(self.app.main, back)
        # A page that goes keeps its old place in AT-SPI; the clause taking the focus back
        # tells that the draft shows again.
        ri.wait_for('the clause editor to close, the focus back on the clause', lambda: ri.find_all(
            clauses, lambda n: ri.role(n) == 'list item' and ri.pyatspi.STATE_FOCUSED in ri.states(n)))

    def find_labelled_window(self, predicate):
        for window in self.app.others():
            if any(predicate(l.name or '') for l in ri.find_all(window, lambda n: ri.role(n) == 'label')):
                return window
        return None

    def open_with_chooser(self, path, walk):
        """Ctrl+O, the path typed into the file chooser (walked first when walk), Enter."""
        chooser = self.by_keys('ctrl+o', 'the file chooser')
        ri.wait_for('the file chooser to be filled',
                    lambda: len(ri.find_all(chooser, lambda n: ri.role(n) in INTERACTIVE)) > 0)
        if walk:
            self.check_window(chooser, 'the file chooser')
        self.app.focus(chooser)
        ri.type_text(path)
        ri.wait_for('%r in the location entry' % path,
                    lambda: ri.find_all(chooser, lambda n: ri.role(n) == 'text' and ri.text_of(n) == path))
        ri.press('Return')
        ri.wait_for('the file chooser to close',
                    lambda: self.app.check_running() and chooser not in self.app.toplevels())

    def test_error_dialog(self):
        path = os.path.join(self.workdir, 'broken.zopa.json')
        with open(path, 'w', encoding='utf-8') as f:
            f.write('{\n  "format": "zopa",\n  "version": 1,\n  "title": "Broken"\n  "issues": []\n}\n')
        self.open_with_chooser(path, walk=True)
        dialog = ri.wait_for('the error dialog', lambda: self.app.check_running() and self.find_labelled_window(
            lambda text: text.startswith('Could Not Open')))
        try:
            self.check_window(dialog, 'the error dialog of a broken file')
        finally:
            self.close(dialog, 'the error dialog')

    def test_disk_change(self):
        """A file opened, then changed by another program: the banner in the main window;
        Ctrl+S then asks what to do."""
        scenario = json.loads(ri.run([ri.ZOPA_CLI, 'builtin']))
        path = os.path.join(self.workdir, 'changed.zopa.json')
        with open(path, 'w', encoding='utf-8') as f:
            json.dump(scenario, f)
        self.open_with_chooser(path, walk=False)
        self.app.wait_for_titles((scenario['title'], os.path.basename(path)))
        scenario['title'] = 'Changed on disk'
        with open(path, 'w', encoding='utf-8') as f:
            json.dump(scenario, f)
        ri.wait_for('the "changed on disk" banner', lambda: ri.find_all(
            self.app.main, lambda n: ri.role(n) == 'label' and 'changed on disk' in (n.name or '')
            and ri.on_screen(n)))
        self.check_window(self.app.main, 'the main window with the "changed on disk" banner')
        before = self.app.toplevels()
        self.app.focus(self.app.main)
        ri.press('ctrl+s')
        dialog = self.new_window(before, 'the "changed on disk" dialog')
        ri.wait_for('the "changed on disk" dialog to be filled',
                    lambda: len(ri.find_all(dialog, lambda n: ri.role(n) in INTERACTIVE)) > 0)
        try:
            self.check_window(dialog, 'the "changed on disk" dialog')
        finally:
            self.close(dialog, 'the "changed on disk" dialog')

    def recovered(self, text):
        """Whether the recovery store holds a scenario with text."""
        folder = os.path.join(self.workdir, 'xdg_state_home', 'zopa', 'recovery')
        for name in os.listdir(folder) if os.path.isdir(folder) else []:
            try:
                with open(os.path.join(folder, name), encoding='utf-8') as f:
                    if text in f.read():
                        return True
            except OSError:
                continue  # replaced meanwhile
        return False

    RECOVERY_TITLE = 'Killed while editing'

    def recovery_path(self):
        """The file the last steps edit, opened in the main window: its edits alone go to
        the recovery store, so that one offer comes back after the crash."""
        path = os.path.join(self.workdir, 'recovery.zopa.json')
        if self.app.titles()[1] != os.path.basename(path):
            scenario = json.loads(ri.run([ri.ZOPA_CLI, 'builtin']))
            scenario['title'] = self.RECOVERY_TITLE
            with open(path, 'w', encoding='utf-8') as f:
                json.dump(scenario, f)
            self.open_with_chooser(path, walk=False)
            self.app.wait_for_titles((self.RECOVERY_TITLE, os.path.basename(path)))
        return path

    def test_recovery_offer(self):
        """An unsaved new draft (Ctrl+D), zopa killed, started again on the file: the offer
        to restore the changes."""
        path = self.recovery_path()
        self.app.focus(self.app.main)
        ri.press('ctrl+d')
        ri.wait_for('the new draft in the recovery store', lambda: self.recovered('New Draft'))
        os.kill(self.app.pid, signal.SIGKILL)
        self.app.wait(ri.TIMEOUT)
        self.app.stop()
        self.app = ri.App(self.workdir, self.a11y_address, args=[path])
        self.app.wait_until_ready()
        offer = ri.wait_for('the offer to restore the unsaved changes',
                            lambda: self.app.check_running() and self.find_labelled_window(
                                lambda text: text == 'Restore Unsaved Changes?'))
        try:
            self.check_window(offer, 'the offer to restore unsaved changes')
        finally:
            self.close(offer, 'the offer to restore unsaved changes')


WINDOWS = [
    ('the keyboard shortcuts window', lambda t: t.by_keys('ctrl+question', 'the shortcuts window')),
    ('the New Scenario dialog', lambda t: t.by_keys('ctrl+n', 'the New Scenario dialog')),
    ('the export dialog', lambda t: t.by_keys('ctrl+e', 'the export dialog')),
    ('the actor editor', lambda t: t.by_menu('Actors…', 'c', 'the actor editor')),
    ('the issue editor', lambda t: t.by_menu('Issues…', 'i', 'the issue editor')),
    ('the variant editor', lambda t: t.by_menu('Variants…', 'v', 'the variant editor')),
    ('the comparison window', lambda t: t.by_menu('Compare Drafts…', 'm', 'the comparison window')),
    ('the Assumptions window', lambda t: t.by_keys('ctrl+shift+a', 'the Assumptions window')),
    ('the About window', lambda t: t.by_menu('About Zopa', 'a', 'the About window')),
    ('the print dialog', lambda t: t.by_keys('ctrl+p', 'the print dialog')),
    ('the Save As file chooser', lambda t: t.by_keys('ctrl+shift+s', 'the Save As file chooser')),
]
STEPS = [('the main window', 'test_main_window'),
         ('the main window with its main menu open', 'test_main_menu'),
         ('the main window with a draft selected', 'test_main_window_with_draft'),
         ('the clause editor', 'test_clause_editor')]
STEPS += [(what, (lambda opener, what: lambda t: t.test_window(lambda: opener(t), what))(opener, what))
          for what, opener in WINDOWS]
# Last: these open other files in the main window, the last ones edit one.
STEPS += [('the file chooser and the error dialog of a broken file', 'test_error_dialog'),
          ('the "changed on disk" banner and dialog', 'test_disk_change'),
          ('the actor editor with a range and its sources', 'test_actor_editor_sources'),
          ('the offer to restore unsaved changes', 'test_recovery_offer')]
STEPS = [(what + ': no class names, empty names, mnemonics or doubled names', step)
         for what, step in STEPS]


if __name__ == '__main__':
    # Every step checks windows of its own; one that fails leaves the next to run.
    ri.run_tap(AccessibleNamesTest, STEPS, 'test-accessible-names', keep_going=True)

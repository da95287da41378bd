#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# test-diagram-keyboard.py: the diagram by keyboard alone, with real X key presses
# (xdotool) watched through AT-SPI: from the window's start at most three Tabs reach
# the diagram, selecting nothing on the way; the arrow keys move inside it to a draft
# marker without selecting anything, and Enter selects that draft; a click on no item
# keeps the focus there and the selection as it is. Prints TAP. Uses the application driver of
# test-real-input.py (same environment and requirements).

import importlib.util
import os
import shutil
import sys
import tempfile
import traceback

_spec = importlib.util.spec_from_file_location(
    'real_input', os.path.join(os.path.dirname(os.path.abspath(__file__)), 'test-real-input.py'))
real_input = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(real_input)

pyatspi = real_input.pyatspi
Failure = real_input.Failure
App = real_input.App
diag = real_input.diag
find_all = real_input.find_all
find_one = real_input.find_one
press = real_input.press
role = real_input.role
states = real_input.states
wait_for = real_input.wait_for



class DiagramKeyboardTest:
    def __init__(self, workdir, a11y_address):
        self.app = App(workdir, a11y_address)
        self.drafts = []
        build_dir = os.environ.get('G_TEST_BUILDDIR', '')
        self.screenshot_base = os.path.join(build_dir, 'test-diagram-keyboard') if build_dir else ''

    def diagram(self):
        return find_one(self.app.main, 'the diagram',
                        lambda n: role(n) == 'image' and n.name == 'Diagram')

    def focused_item(self):
        """The first line of the diagram's description: what its focus ring is on."""
        return (self.diagram().description or '').split('\n')[0]

    def diagram_focused(self):
        return pyatspi.STATE_FOCUSED in states(self.diagram())

    def drafts_list(self):
        return find_one(self.app.main, 'Drafts list',
                        lambda n: role(n) == 'list' and n.name == 'Drafts')

    def selected_drafts(self):
        return [n.name for n in find_all(self.drafts_list(), lambda n: role(n) == 'list item')
                if pyatspi.STATE_SELECTED in states(n)]

    def test_start(self):
        self.app.wait_until_ready()
        self.drafts = [n.name for n in find_all(self.drafts_list(), lambda n: role(n) == 'list item')]
        if not self.drafts:
            raise Failure('the Drafts list is empty')
        if self.selected_drafts():
            raise Failure('drafts are selected at the start: %r' % self.selected_drafts())
        diag('drafts: %r' % self.drafts)

    def focused_names(self):
        return [(role(n), n.name) for n in find_all(self.app.main,
                                                    lambda n: pyatspi.STATE_FOCUSED in states(n))]

    def test_tabs_reach_the_diagram(self):
        """From the window's start, Tab by Tab, each time waiting for the focus to
        move on: the diagram has it after at most three, and nothing got selected."""
        self.app.focus(self.app.main)
        for tabs in range(1, 4):
            before = self.focused_names()
            press('Tab')
            now = wait_for('the focus to move on from %r' % before,
                           lambda: self.focused_names() != before and self.focused_names())
            diag('Tab %d: the focus is on %r' % (tabs, now))
            if self.diagram_focused():
                break
        if not self.diagram_focused():
            raise Failure('three Tabs from the start did not reach the diagram')
        if self.selected_drafts():
            raise Failure('Tabs selected %r on the way' % self.selected_drafts())

    def test_arrows_reach_a_draft(self):
        first = wait_for('the focus ring on an item of the diagram', self.focused_item)
        diag('the focus ring starts on %r' % first)
        # Moving the diagram's own focus selects nothing.
        selected = self.selected_drafts()
        n_items = 2 * len(self.drafts) + 70
        for _ in range(n_items):
            before = self.focused_item()
            press('Right')
            current = wait_for('the focus ring to move on from %r' % before,
                               lambda: self.focused_item() != before and self.focused_item())
            if current in self.drafts and current != first and current not in selected:
                self.target = current
                diag('Right arrows reached the marker of %r' % current)
                if self.selected_drafts() != selected:
                    raise Failure('moving the focus in the diagram changed the selection from %r to %r'
                                  % (selected, self.selected_drafts()))
                return
        raise Failure('%d Right arrows did not reach a draft other than %r' % (n_items, first))

    def test_enter_selects(self):
        press('Return')
        try:
            wait_for('%r to be selected' % self.target, lambda: self.selected_drafts() == [self.target])
        except Failure:
            raise Failure('Enter selected %r, expected %r' % (self.selected_drafts(), self.target))
        if not self.diagram_focused():
            raise Failure('the diagram lost the keyboard focus on Enter')

    def test_click_keeps_the_focus(self):
        """A click on no item (the diagram's corner) leaves the keyboard focus on the
        diagram and the selection as Enter made it."""
        box = real_input.extents(self.diagram())
        _, origin_x, origin_y = self.app.x_window(self.app.main)
        real_input.xdotool('mousemove', '--sync', origin_x + box.x + 3, origin_y + box.y + 3)
        real_input.xdotool('click', 1)
        wait_for('the diagram to keep the keyboard focus after a click', self.diagram_focused)
        if self.selected_drafts() != [self.target]:
            raise Failure('a click on no item changed the selection to %r' % self.selected_drafts())

    def fail_screenshot(self, number):
        if self.screenshot_base and self.app.session.poll() is None:
            real_input.screenshot('%s-failure-%d.png' % (self.screenshot_base, number))


STEPS = [
    ('the app starts with no draft selected', 'test_start'),
    ('at most three Tabs from the start reach the diagram, selecting nothing', 'test_tabs_reach_the_diagram'),
    ('Right arrows move the focus ring to a draft marker, selecting nothing', 'test_arrows_reach_a_draft'),
    ('Enter selects the draft whose marker has the focus ring', 'test_enter_selects'),
    ('a click on no item keeps the focus and the selection', 'test_click_keeps_the_focus'),
]


def main():
    try:
        a11y_address = real_input.a11y_bus_address()
    except real_input.GLib.Error as error:
        real_input.tap_skip_all('no AT-SPI bus: %s' % error.message)

    print('1..%d' % len(STEPS))
    workdir = tempfile.mkdtemp(prefix='zopa-diagram-keyboard-')
    test = DiagramKeyboardTest(workdir, a11y_address)
    failed = False
    try:
        for number, (description, method) in enumerate(STEPS, 1):
            if failed:
                print('not ok %d - %s # an earlier step failed' % (number, description))
                continue
            try:
                getattr(test, method)()
                print('ok %d - %s' % (number, description))
            except Exception as error:
                failed = True
                print('not ok %d - %s' % (number, description))
                diag('%s: %s' % (type(error).__name__, error))
                if not isinstance(error, Failure):
                    diag(traceback.format_exc())
                test.fail_screenshot(number)
            sys.stdout.flush()
    finally:
        output = test.app.stop()
        if output.strip():
            diag('zopa printed:')
            diag(output)
        shutil.rmtree(workdir, ignore_errors=True)
    return 1 if failed else 0


if __name__ == '__main__':
    with real_input.KeyRepeatOff():
        status = main()
    sys.exit(status)

#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# test-range-input.py: an uncertain value edited by real input. Starts the real
# application on a copy of the built-in scenario, opens Moscow's actor editor
# with a click, turns Moscow's reservation (a range 55–85 in the built-in
# scenario) into one value and then into the range 70–85 with clicks and typed
# numbers, saves and reads the file, then takes every step back with Ctrl+Z and
# reads the file again. Uses the AT-SPI and X helpers of zopa_real_input.py.
# Prints TAP.

import json
import os

os.environ.setdefault('ZOPA_REAL_INPUT_TIMEOUT', '180')

# Importing it sets up this process (G_DEBUG, AT-SPI, an X display and a D-Bus
# session), re-executing this script if need be.
import zopa_real_input as ri  # noqa: E402 (after the timeout above)

BASENAME = 'ranges.zopa.json'
SUBJECT = "Moscow's reservation"


def spin_value(node):
    """What a spin button shows, as an int (AT-SPI's text of the entry)."""
    return int(float(ri.text_of(node).strip()))


class RangeInputTest(ri.AppTest):
    def __init__(self, a11y_address, workdir):
        super().__init__(a11y_address, workdir)
        self.editor = None
        self.parts = None
        scenario = json.loads(ri.run([ri.ZOPA_CLI, 'builtin']))
        self.path = os.path.join(self.workdir, BASENAME)
        with open(self.path, 'w', encoding='utf-8') as f:
            json.dump(scenario, f, indent=2, ensure_ascii=False)
            f.write('\n')
        self.start_reservation = self.saved_reservation()
        if self.start_reservation != [55, 85]:
            raise ri.Failure('the built-in Moscow reservation is %r, the test expects [55, 85]'
                             % (self.start_reservation,))

    def saved_reservation(self):
        with open(self.path, encoding='utf-8') as f:
            scenario = json.load(f)
        for actor in scenario['actors']:
            if actor['id'] == 'moscow':
                return actor.get('reservation')
        raise ri.Failure('no actor "moscow" in the saved file')

    # The parts of the range control, by their accessible names.

    def part(self, roles, name):
        return self.parts.find(roles, name)

    def toggle(self):
        # GTK 4.8 gives a toggle button the role "push button", with a pressed state.
        return ri.wait_for('the toggle %r' % (SUBJECT + ', as a range'),
                           lambda: self.part(('push button', 'toggle button'), SUBJECT + ', as a range'))

    def wait_for_form(self, ranged, low, high):
        """The control shows low (and high, for a range) in the expected spin buttons."""
        def shown():
            self.app.check_running()
            if ranged:
                low_spin = self.part(('spin button',), SUBJECT + ', from')
                high_spin = self.part(('spin button',), SUBJECT + ', to')
                return (low_spin is not None and high_spin is not None
                        and spin_value(low_spin) == low and spin_value(high_spin) == high)
            spin = self.part(('spin button',), SUBJECT)
            return (spin is not None and spin_value(spin) == low
                    and self.part(('spin button',), SUBJECT + ', to') is None)
        what = '%d–%d' % (low, high) if ranged else '%d' % low
        ri.wait_for('the reservation control to show %s' % what, shown)

    def type_into(self, name, value):
        spin = ri.wait_for('the spin button %r' % name, lambda: self.part(('spin button',), name))
        # Into its text, at the left: the middle of a spin button is its "−" button.
        _, origin_x, origin_y = self.app.x_window(self.editor)
        box = ri.still_extents(spin)
        ri.xdotool('mousemove', '--sync', origin_x + box.x + 10, origin_y + box.y + box.height // 2)
        ri.xdotool('click', 1)
        ri.wait_for('the keyboard focus in %r' % name,
                    lambda: ri.pyatspi.STATE_FOCUSED in ri.states(spin))
        ri.press('ctrl+a')
        ri.type_text(str(value))
        ri.press('Return')

    def save(self):
        self.app.focus(self.app.main)
        ri.press('ctrl+s')
        ri.wait_for('the title without the unsaved mark',
                    lambda: self.app.check_running() and not self.app.titles()[0].startswith('•'))

    # Steps

    def step_open_editor(self):
        self.app = ri.App(self.workdir, self.a11y_address, args=[self.path])
        self.app.wait_until_ready()
        row = ri.wait_for('Moscow in the sidebar',
                          lambda: [n for n in ri.find_all(self.app.main, lambda n: n.name == 'Moscow'
                                                          and ri.role(n) in ('list item', 'push button'))
                                   if ri.on_screen(n)])[0]
        self.app.click(self.app.main, row)

        def find_editor():
            for window in self.app.others():
                if ri.find_all(window, lambda n: ri.role(n) in ('push button', 'toggle button')
                               and n.name == SUBJECT + ', as a range'):
                    return window
            return None
        self.editor = ri.wait_for('the actor editor of Moscow',
                                  lambda: self.app.check_running() and find_editor())
        self.parts = ri.Parts(self.editor)
        self.app.focus(self.editor)
        self.wait_for_form(True, 55, 85)
        if ri.pyatspi.STATE_PRESSED not in ri.states(self.toggle()):
            raise ri.Failure('the range toggle is not pressed for a range')

    def step_one_value(self):
        self.app.click(self.editor, self.toggle())
        self.wait_for_form(False, 55, 55)

    def step_range(self):
        self.app.click(self.editor, self.toggle())
        self.wait_for_form(True, 55, 55)
        self.type_into(SUBJECT + ', from', 70)
        # "to" was 55: raising "from" past it brings it along.
        self.wait_for_form(True, 70, 70)
        self.type_into(SUBJECT + ', to', 85)
        self.wait_for_form(True, 70, 85)

    def step_saved(self):
        self.save()
        saved = self.saved_reservation()
        if saved != [70, 85]:
            raise ri.Failure('the saved reservation is %r, expected [70, 85]' % (saved,))

    def step_undo(self):
        self.app.focus(self.editor)
        for ranged, low, high in ((True, 70, 70), (True, 55, 55), (False, 55, 55), (True, 55, 85)):
            ri.press('ctrl+z')
            self.wait_for_form(ranged, low, high)
        self.save()
        saved = self.saved_reservation()
        if saved != self.start_reservation:
            raise ri.Failure('after undo the saved reservation is %r, expected %r'
                             % (saved, self.start_reservation))


STEPS = [
    ("a click on Moscow in the sidebar opens its editor, showing the reservation 55–85", 'step_open_editor'),
    ('a click on the range toggle makes it one value, 55', 'step_one_value'),
    ('the toggle again, then 70 typed in "from" and 85 in "to": the range 70–85', 'step_range'),
    ('Ctrl+S saves the reservation as [70, 85]', 'step_saved'),
    ('Ctrl+Z four times takes each step back; saved, the file has [55, 85] again', 'step_undo'),
]


if __name__ == '__main__':
    ri.run_tap(RangeInputTest, STEPS, 'test-range-input')

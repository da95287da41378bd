#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# test-uncertainty-input.py: issue 13 end to end, by real input (xdotool) read
# through AT-SPI. The scenario is the built-in one with Moscow's reservation a
# single 55 and its maybe options acceptable, so that Moscow accepts the US
# 28-point plan (score 58.5). Moscow's reservation is turned into the range
# 55–85 in the actor editor, across that threshold: Moscow's verdict row turns
# to "depends", and the diagram's description counts one more draft with a ring of
# dots; the flip is applied as a new variant and the verdict moves;
# Ctrl+Z takes it all back to the file as opened. Uses the helpers of
# zopa_real_input.py. Prints TAP.

import json
import os

os.environ.setdefault('ZOPA_REAL_INPUT_TIMEOUT', '180')

# Importing it sets up this process (G_DEBUG, AT-SPI, an X display and a D-Bus
# session), re-executing this script if need be.
import zopa_real_input as ri  # noqa: E402 (after the timeout above)

SUBJECT = "Moscow's reservation"
# The Assumptions window names it as the verdict rows do.
DRAFT = 'US 28-point plan'
FLIP_BUTTON = 'Try This as a Variant'
# GTK 4.8 reports a toggle button as a push button on AT-SPI in some states.
TOGGLE_ROLES = ('toggle button', 'push button')


def verdict_rows(window):
    """Moscow's verdict row in the draft panel: a node whose accessible
    description starts with "Moscow: " (the verdict row's description)."""
    return [n for n in ri.find_all(window, lambda n: (n.description or '').startswith('Moscow: '))
            if ri.on_screen(n)]


class UncertaintyInputTest(ri.AppTest):
    def __init__(self, a11y_address, workdir):
        super().__init__(a11y_address, workdir)
        self.editor = None
        self.parts = None
        self.diagram_before = None
        scenario = json.loads(ri.run([ri.ZOPA_CLI, 'builtin']))
        for actor in scenario['actors']:
            if actor['id'] != 'moscow':
                continue
            actor['reservation'] = 55
            for stance in actor.get('stances', {}).values():
                maybe = stance.pop('maybe', [])
                if maybe and 'acceptable' in stance:
                    stance['acceptable'] = stance['acceptable'] + maybe
        self.path = os.path.join(self.workdir, 'uncertainty.zopa.json')
        with open(self.path, 'w', encoding='utf-8') as f:
            json.dump(scenario, f, indent=2, ensure_ascii=False)
            f.write('\n')

    # Helpers

    def moscow_verdict(self):
        rows = verdict_rows(self.app.main)
        return rows[0].description if rows else None

    def wait_for_verdict(self, word):
        seen = []

        def shows():
            self.app.check_running()
            seen[:] = [self.moscow_verdict()]
            return seen[0] is not None and word.lower() in seen[0].lower()
        try:
            ri.wait_for('Moscow\'s verdict row to say %r' % word, shows)
        except ri.Failure as error:
            raise ri.Failure('%s; it says %r' % (error, seen[0] if seen else None))
        return seen[0]

    def editor_part(self, role, name):
        return self.parts.find((role,), name)

    def raise_main(self):
        """Brings the main window over the editor and the Assumptions window
        (no window manager does under Xvfb), so a click there lands there."""
        ri.xdotool('windowraise', self.app.x_window(self.app.main)[0])
        self.app.focus(self.app.main)

    # Steps

    def step_start(self):
        self.app = ri.App(self.workdir, self.a11y_address, args=[self.path])
        self.app.wait_until_ready()
        drafts = ri.find_one(self.app.main, 'Drafts list',
                             lambda n: ri.role(n) == 'list' and n.name == 'Drafts')
        row = ri.find_one(drafts, 'row %r' % DRAFT,
                          lambda n: ri.role(n) == 'list item' and n.name == DRAFT)
        label = ri.find_one(row, 'label %r' % DRAFT,
                            lambda n: ri.role(n) == 'label' and n.name == DRAFT and ri.on_screen(n))
        self.app.click(self.app.main, label)
        ri.wait_for('%r to be selected' % DRAFT,
                    lambda: self.app.check_running() and ri.pyatspi.STATE_SELECTED in ri.states(row))
        ri.diag('before: %s' % self.wait_for_verdict('accepts'))
        self.diagram_before = self.app.diagram_descriptions()

    def step_range(self):
        # In the sidebar's actor list: the verdict list has a row "Moscow" too.
        actors = ri.find_one(self.app.main, 'Actors list',
                             lambda n: ri.role(n) == 'list' and n.name == 'Actors')
        row = ri.wait_for('Moscow in the sidebar',
                          lambda: [n for n in ri.find_all(actors, lambda n: n.name == 'Moscow'
                                                          and ri.role(n) in ('list item', 'push button'))
                                   if ri.on_screen(n)])[0]
        self.app.click(self.app.main, row)

        def find_editor():
            for window in self.app.others():
                if ri.find_all(window, lambda n: ri.role(n) in TOGGLE_ROLES
                               and n.name == SUBJECT + ', as a range'):
                    return window
            return None
        self.editor = ri.wait_for('the actor editor of Moscow',
                                  lambda: self.app.check_running() and find_editor())
        self.parts = ri.Parts(self.editor)
        self.app.focus(self.editor)
        toggle = ri.wait_for('the range toggle',
                             lambda: self.editor_part('toggle button', SUBJECT + ', as a range')
                             or self.editor_part('push button', SUBJECT + ', as a range'))
        self.app.click(self.editor, toggle)
        spin = ri.wait_for('the "to" spin button', lambda: self.editor_part('spin button', SUBJECT + ', to'))
        # Into its text, at the left: the middle of a spin button is its "−" button.
        _, origin_x, origin_y = self.app.x_window(self.editor)
        box = ri.still_extents(spin)
        ri.xdotool('mousemove', '--sync', origin_x + box.x + 10, origin_y + box.y + box.height // 2)
        ri.xdotool('click', 1)
        ri.wait_for('the keyboard focus in "to"', lambda: ri.pyatspi.STATE_FOCUSED in ri.states(spin))
        ri.press('ctrl+a')
        ri.type_text('85')
        ri.press('Return')
        ri.wait_for('"to" to show 85', lambda: int(float(ri.text_of(spin).strip() or 0)) == 85)
        low = self.editor_part('spin button', SUBJECT + ', from')
        if low is None or int(float(ri.text_of(low).strip() or 0)) != 55:
            raise ri.Failure('"from" shows %r, not 55' % (low and ri.text_of(low)))

    def step_verdict_depends(self):
        ri.diag('after: %s' % self.wait_for_verdict('depends'))
        # Done with the editor: its Close button, as a user would.
        close = ri.find_one(self.editor, 'the editor\'s Close button',
                            lambda n: ri.role(n) == 'push button' and n.name == 'Close' and ri.on_screen(n))
        self.app.click(self.editor, close)
        ri.wait_for('the actor editor to close',
                    lambda: self.app.check_running() and not any(
                        ri.find_all(w, lambda n: n.name == SUBJECT + ', as a range') for w in self.app.others()))
        self.editor = None
        self.parts = None

    def step_diagram(self):
        """The diagram's description (its marks and legend in words) changes: the US plan's
        marker gets its ring of dots, so one more draft has a verdict hinging on assumptions.
        The ring and the legend are drawn; the render tests check their pixels."""
        def marks_said():
            self.app.check_running()
            after = self.app.diagram_descriptions()
            return (after and after != self.diagram_before
                    and any('on assumptions (ring of dots)' in text for text in after) and after)
        try:
            after = ri.wait_for('the diagram description to say a verdict hinges on assumptions', marks_said)
        except ri.Failure as error:
            raise ri.Failure('%s; it says %r, before %r' % (error, self.app.diagram_descriptions(),
                                                            self.diagram_before))
        ri.diag('diagram: %s' % after[0])

    def step_flip_variant(self):
        self.raise_main()
        before = self.app.titles()
        row = ri.wait_for('Moscow\'s verdict row', lambda: verdict_rows(self.app.main))[0]
        self.app.click(self.app.main, row)
        button = ri.wait_for('"%s" under Moscow\'s verdict' % FLIP_BUTTON,
                             lambda: [n for n in ri.find_all(row, lambda n: ri.role(n) == 'push button'
                                                             and n.name == FLIP_BUTTON) if ri.on_screen(n)])[0]
        self.app.click(self.app.main, button)
        ri.diag('in the variant: %s' % self.wait_for_verdict('accepts'))
        ri.diag('header: %r, before %r' % (self.app.titles(), before))

    def step_undo(self):
        self.raise_main()
        # Every edit since the file was opened is one undo step: the range, "to", the variant.
        def unsaved():
            self.app.check_running()
            return self.app.titles()[0].startswith('•')
        for _ in range(8):
            if not unsaved():
                break
            before = (self.app.titles(), self.moscow_verdict())
            ri.press('ctrl+z')
            try:
                ri.wait_for('Ctrl+Z to take a step back',
                            lambda: (self.app.titles(), self.moscow_verdict()) != before, timeout=10)
            except ri.Failure:
                pass
        if unsaved():
            raise ri.Failure('after undo the document is still marked unsaved: %r' % (self.app.titles(),))
        verdict = ri.wait_for('Moscow to accept again',
                              lambda: 'accepts' in (self.moscow_verdict() or '').lower()
                              and 'depends' not in (self.moscow_verdict() or '').lower()
                              and self.moscow_verdict())
        ri.diag('undone: %s' % verdict)
        ri.wait_for('the diagram description as it was at the start',
                    lambda: self.app.check_running() and self.app.diagram_descriptions() == self.diagram_before)


STEPS = [
    ('on "%s", Moscow (reservation 55) accepts' % DRAFT, 'step_start'),
    ('in Moscow\'s editor, the range toggle and 85 typed in "to": the reservation 55–85', 'step_range'),
    ('Moscow\'s verdict row turns to "depends"; the editor is closed', 'step_verdict_depends'),
    ('the diagram says one more draft has a verdict hinging on assumptions', 'step_diagram'),
    ('"%s" makes the flip a new variant, where Moscow accepts' % FLIP_BUTTON, 'step_flip_variant'),
    ('Ctrl+Z restores the verdict, the diagram and the saved state', 'step_undo'),
]


if __name__ == '__main__':
    ri.run_tap(UncertaintyInputTest, STEPS, 'test-uncertainty-input')

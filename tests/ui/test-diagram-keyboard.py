#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# test-diagram-keyboard.py: the diagram by keyboard alone, with real X key presses
# (xdotool) watched through AT-SPI: from the window's start at most three Tabs reach
# the diagram, selecting nothing on the way; the arrow keys move inside it to a draft
# marker without selecting anything, and Enter selects that draft; a click on no item
# keeps the focus there and the selection as it is. Prints TAP. Uses the application driver of
# zopa_real_input.py (its environment and requirements).

import zopa_real_input as ri


class DiagramKeyboardTest(ri.AppTest):
    def __init__(self, a11y_address, workdir):
        super().__init__(a11y_address, workdir)
        self.app = ri.App(workdir, a11y_address)
        self.drafts = []

    def diagram(self):
        return ri.find_one(self.app.main, 'the diagram',
                           lambda n: ri.role(n) == 'image' and n.name == 'Diagram')

    def focused_item(self):
        """The first line of the diagram's description: what its focus ring is on."""
        return (self.diagram().description or '').split('\n')[0]

    def diagram_focused(self):
        return ri.pyatspi.STATE_FOCUSED in ri.states(self.diagram())

    def drafts_list(self):
        return ri.find_one(self.app.main, 'Drafts list',
                           lambda n: ri.role(n) == 'list' and n.name == 'Drafts')

    def selected_drafts(self):
        return [n.name for n in ri.find_all(self.drafts_list(), lambda n: ri.role(n) == 'list item')
                if ri.pyatspi.STATE_SELECTED in ri.states(n)]

    def test_start(self):
        self.app.wait_until_ready()
        self.drafts = [n.name for n in ri.find_all(self.drafts_list(), lambda n: ri.role(n) == 'list item')]
        if not self.drafts:
            raise ri.Failure('the Drafts list is empty')
        if self.selected_drafts():
            raise ri.Failure('drafts are selected at the start: %r' % self.selected_drafts())
        ri.diag('drafts: %r' % self.drafts)

    def focused_names(self):
        return [(ri.role(n), n.name) for n in ri.find_all(
            self.app.main, lambda n: ri.pyatspi.STATE_FOCUSED in ri.states(n))]

    def test_tabs_reach_the_diagram(self):
        """From the window's start, Tab by Tab, each time waiting for the focus to
        move on: the diagram has it after at most three, and nothing got selected."""
        self.app.focus(self.app.main)
        for tabs in range(1, 4):
            before = self.focused_names()
            ri.press('Tab')
            now = ri.wait_for('the focus to move on from %r' % before,
                              lambda: self.focused_names() != before and self.focused_names())
            ri.diag('Tab %d: the focus is on %r' % (tabs, now))
            if self.diagram_focused():
                break
        if not self.diagram_focused():
            raise ri.Failure('three Tabs from the start did not reach the diagram')
        if self.selected_drafts():
            raise ri.Failure('Tabs selected %r on the way' % self.selected_drafts())

    def test_arrows_reach_a_draft(self):
        first = ri.wait_for('the focus ring on an item of the diagram', self.focused_item)
        ri.diag('the focus ring starts on %r' % first)
        # Moving the diagram's own focus selects nothing.
        selected = self.selected_drafts()
        n_items = 2 * len(self.drafts) + 70
        for _ in range(n_items):
            before = self.focused_item()
            ri.press('Right')
            current = ri.wait_for('the focus ring to move on from %r' % before,
                                  lambda: self.focused_item() != before and self.focused_item())
            if current in self.drafts and current != first and current not in selected:
                self.target = current
                ri.diag('Right arrows reached the marker of %r' % current)
                if self.selected_drafts() != selected:
                    raise ri.Failure('moving the focus in the diagram changed the selection from %r to %r'
                                     % (selected, self.selected_drafts()))
                return
        raise ri.Failure('%d Right arrows did not reach a draft other than %r' % (n_items, first))

    def test_enter_selects(self):
        ri.press('Return')
        try:
            ri.wait_for('%r to be selected' % self.target, lambda: self.selected_drafts() == [self.target])
        except ri.Failure:
            raise ri.Failure('Enter selected %r, expected %r' % (self.selected_drafts(), self.target))
        if not self.diagram_focused():
            raise ri.Failure('the diagram lost the keyboard focus on Enter')

    def test_click_keeps_the_focus(self):
        """A click on no item (the diagram's corner) leaves the keyboard focus on the
        diagram and the selection as Enter made it."""
        box = ri.still_extents(self.diagram())
        _, origin_x, origin_y = self.app.x_window(self.app.main)
        ri.xdotool('mousemove', '--sync', origin_x + box.x + 3, origin_y + box.y + 3)
        ri.xdotool('click', 1)
        ri.wait_for('the diagram to keep the keyboard focus after a click', self.diagram_focused)
        if self.selected_drafts() != [self.target]:
            raise ri.Failure('a click on no item changed the selection to %r' % self.selected_drafts())


STEPS = [
    ('the app starts with no draft selected', 'test_start'),
    ('at most three Tabs from the start reach the diagram, selecting nothing', 'test_tabs_reach_the_diagram'),
    ('Right arrows move the focus ring to a draft marker, selecting nothing', 'test_arrows_reach_a_draft'),
    ('Enter selects the draft whose marker has the focus ring', 'test_enter_selects'),
    ('a click on no item keeps the focus and the selection', 'test_click_keeps_the_focus'),
]


if __name__ == '__main__':
    ri.run_tap(DiagramKeyboardTest, STEPS, 'test-diagram-keyboard')

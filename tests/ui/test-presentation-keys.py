#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# test-presentation-keys.py: presentation mode by keyboard alone, with real X key presses
# (xdotool) watched through AT-SPI. The app opens a scenario with a storyboard (the
# built-in one's, or three frames added to it when it has none); F5 in the main window
# opens the presentation on "1 / N"; Right shows "2 / N", End "N / N", Left "N-1 / N",
# Home "1 / N" again; Escape closes it and the main window is back; Shift+Ctrl+E and a path
# typed into the save dialog write a PDF with a page per frame. Prints TAP. Uses the
# application driver of zopa_real_input.py (its environment and requirements).

import json
import os
import re
import shutil
import subprocess

import zopa_real_input as ri

INDICATOR = re.compile(r'^(\d+) / (\d+)$')


class PresentationKeysTest(ri.AppTest):
    def __init__(self, a11y_address, workdir):
        super().__init__(a11y_address, workdir)
        self.presentation = None

        scenario = json.loads(ri.run([ri.ZOPA_CLI, 'builtin']))
        if not scenario.get('storyboard'):
            scenario['storyboard'] = [
                {'caption': 'Four actors, no common ground', 'view': 'venn'},
                {'caption': 'Issue by issue', 'view': 'issue-map'},
                {'caption': 'Kyiv and Moscow', 'view': 'bargaining', 'actors': ['kyiv', 'moscow']},
            ]
        self.n_frames = len(scenario['storyboard'])
        self.path = os.path.join(self.workdir, 'storyboard.zopa.json')
        with open(self.path, 'w', encoding='utf-8') as f:
            json.dump(scenario, f, indent=2, ensure_ascii=False)
            f.write('\n')

    def indicators(self):
        """(window, text) of every "n / N" label in the app's toplevels."""
        found = []
        for window in self.app.toplevels():
            for label in ri.find_all(window, lambda n: ri.role(n) == 'label'
                                     and INDICATOR.match(n.name or '')):
                found.append((window, label.name))
        return found

    def wait_for_indicator(self, position):
        expected = '%d / %d' % (position, self.n_frames)
        try:
            ri.wait_for('the presentation to show %r' % expected,
                        lambda: self.app.check_running() and
                        [w for w, text in self.indicators() if text == expected])
        except ri.Failure as error:
            raise ri.Failure('%s; it shows %r' % (error, [text for _, text in self.indicators()]))

    def test_open_scenario(self):
        self.app = ri.App(self.workdir, self.a11y_address, args=(self.path,))
        self.app.wait_until_ready()
        if self.indicators():
            raise ri.Failure('a presentation is open at the start')

    def test_f5_presents(self):
        self.app.focus(self.app.main)
        ri.press('F5')
        self.wait_for_indicator(1)
        self.presentation = self.indicators()[0][0]
        ri.diag('the presentation window: %r, %d frames' % (self.presentation.name, self.n_frames))
        self.app.focus(self.presentation)

    def test_right_steps(self):
        ri.press('Right')
        self.wait_for_indicator(2)

    def test_end_and_left(self):
        ri.press('End')
        self.wait_for_indicator(self.n_frames)
        ri.press('Left')
        self.wait_for_indicator(self.n_frames - 1)

    def test_home(self):
        ri.press('Home')
        self.wait_for_indicator(1)

    def test_space_and_backspace(self):
        ri.press('space')
        self.wait_for_indicator(2)
        ri.press('BackSpace')
        self.wait_for_indicator(1)

    def test_escape_leaves(self):
        ri.press('Escape')
        ri.wait_for('the presentation to close', lambda: self.app.check_running() and not self.indicators())
        ri.wait_for('the main window', self.app.find_main_window)

    def export_chooser(self):
        self.app.check_running()
        for window in self.app.others():
            if window.name == 'Export Storyboard':
                return window
        return None

    def pdf_pages(self, path):
        if not os.path.exists(path):
            return None
        out = subprocess.run(['pdfinfo', path], capture_output=True, text=True).stdout
        match = re.search(r'^Pages:\s+(\d+)', out, re.M)
        return int(match.group(1)) if match else None

    def test_export_storyboard(self):
        """Shift+Ctrl+E, a path typed over the offered name, Enter: a PDF of a page per
        frame, and the toast."""
        path = os.path.join(self.workdir, 'talk.pdf')
        self.app.focus(self.app.main)
        ri.press('ctrl+shift+e')
        chooser = ri.wait_for('the Export Storyboard chooser', self.export_chooser)
        self.app.focus(chooser)
        ri.press('ctrl+a')
        ri.type_text(path)
        ri.wait_for('%r in the name entry' % path,
                    lambda: ri.find_all(chooser, lambda n: ri.role(n) == 'text' and ri.text_of(n) == path))
        ri.press('Return')
        ri.wait_for('the toast', lambda: self.app.check_running() and ri.find_all(
            self.app.main, lambda n: ri.role(n) == 'label' and n.name == 'Storyboard exported'))
        if shutil.which('pdfinfo') is None:
            ri.diag('pdfinfo (poppler-utils) is not installed: pages not counted')
            return
        pages = self.pdf_pages(path)
        if pages != self.n_frames:
            raise ri.Failure('the PDF has %r pages, expected %d' % (pages, self.n_frames))


STEPS = [
    ('the app opens a scenario with a storyboard', 'test_open_scenario'),
    ('F5 opens the presentation on the first frame', 'test_f5_presents'),
    ('Right shows the second frame', 'test_right_steps'),
    ('End shows the last frame, Left the one before', 'test_end_and_left'),
    ('Home returns to the first frame', 'test_home'),
    ('Space steps on, BackSpace back', 'test_space_and_backspace'),
    ('Escape leaves presentation mode', 'test_escape_leaves'),
    ('Shift+Ctrl+E exports a PDF with a page per frame', 'test_export_storyboard'),
]


if __name__ == '__main__':
    ri.run_tap(PresentationKeysTest, STEPS, 'test-presentation-keys')

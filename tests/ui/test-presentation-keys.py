#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# test-presentation-keys.py: presentation mode by keyboard alone, with real X key presses
# (xdotool) watched through AT-SPI. The app opens a scenario with a storyboard (the
# built-in one's, or three frames added to it when it has none); F5 in the main window
# opens the presentation on "1 / N"; Right shows "2 / N", End "N / N", Left "N-1 / N",
# Home "1 / N" again; Escape closes it and the main window is back; Shift+Ctrl+E and a path
# typed into the save dialog write a PDF with a page per frame. Prints TAP. Uses the
# application driver of test-real-input.py (same environment and requirements).

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

_spec = importlib.util.spec_from_file_location(
    'real_input', os.path.join(os.path.dirname(os.path.abspath(__file__)), 'test-real-input.py'))
real_input = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(real_input)

Failure = real_input.Failure
App = real_input.App
diag = real_input.diag
find_all = real_input.find_all
press = real_input.press
role = real_input.role
wait_for = real_input.wait_for

INDICATOR = re.compile(r'^(\d+) / (\d+)$')


class PresentationKeysTest:
    def __init__(self, workdir, a11y_address):
        self.workdir = workdir
        self.a11y_address = a11y_address
        self.app = None
        self.presentation = None

        scenario = json.loads(real_input.run([real_input.ZOPA_CLI, 'builtin']))
        if not scenario.get('storyboard'):
            scenario['storyboard'] = [
                {'caption': 'Four actors, no common ground', 'view': 'venn'},
                {'caption': 'Issue by issue', 'view': 'issue-map'},
                {'caption': 'Kyiv and Moscow', 'view': 'bargaining', 'actors': ['kyiv', 'moscow']},
            ]
        self.n_frames = len(scenario['storyboard'])
        self.path = os.path.join(workdir, 'storyboard.zopa.json')
        with open(self.path, 'w', encoding='utf-8') as f:
            json.dump(scenario, f, indent=2, ensure_ascii=False)
            f.write('\n')

    def indicators(self):
        """(window, text) of every "n / N" label in the app's toplevels."""
        found = []
        for window in self.app.toplevels():
            for label in find_all(window, lambda n: role(n) == 'label' and INDICATOR.match(n.name or '')):
                found.append((window, label.name))
        return found

    def wait_for_indicator(self, position):
        expected = '%d / %d' % (position, self.n_frames)
        try:
            wait_for('the presentation to show %r' % expected,
                     lambda: self.app.check_running() and
                     [w for w, text in self.indicators() if text == expected])
        except Failure as error:
            raise Failure('%s; it shows %r' % (error, [text for _, text in self.indicators()]))

    def test_open_scenario(self):
        self.app = App(self.workdir, self.a11y_address, args=(self.path,))
        self.app.wait_until_ready()
        if self.indicators():
            raise Failure('a presentation is open at the start')

    def test_f5_presents(self):
        self.app.focus(self.app.main)
        press('F5')
        self.wait_for_indicator(1)
        self.presentation = self.indicators()[0][0]
        diag('the presentation window: %r, %d frames' % (self.presentation.name, self.n_frames))
        self.app.focus(self.presentation)

    def test_right_steps(self):
        press('Right')
        self.wait_for_indicator(2)

    def test_end_and_left(self):
        press('End')
        self.wait_for_indicator(self.n_frames)
        press('Left')
        self.wait_for_indicator(self.n_frames - 1)

    def test_home(self):
        press('Home')
        self.wait_for_indicator(1)

    def test_space_and_backspace(self):
        press('space')
        self.wait_for_indicator(2)
        press('BackSpace')
        self.wait_for_indicator(1)

    def test_escape_leaves(self):
        press('Escape')
        wait_for('the presentation to close', lambda: self.app.check_running() and not self.indicators())
        wait_for('the main window', self.app.find_main_window)

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
        press('ctrl+shift+e')
        chooser = wait_for('the Export Storyboard chooser', self.export_chooser)
        self.app.focus(chooser)
        press('ctrl+a')
        real_input.type_text(path)
        wait_for('%r in the name entry' % path,
                 lambda: find_all(chooser, lambda n: role(n) == 'text' and real_input.text_of(n) == path))
        press('Return')
        wait_for('the toast', lambda: self.app.check_running() and
                 find_all(self.app.main, lambda n: role(n) == 'label' and n.name == 'Storyboard exported'))
        if shutil.which('pdfinfo') is None:
            diag('pdfinfo (poppler-utils) is not installed: pages not counted')
            return
        pages = self.pdf_pages(path)
        if pages != self.n_frames:
            raise Failure('the PDF has %r pages, expected %d' % (pages, self.n_frames))

    def finish(self):
        return self.app.stop() if self.app is not None else ''


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


def main():
    try:
        a11y_address = real_input.a11y_bus_address()
    except real_input.GLib.Error as error:
        real_input.tap_skip_all('no AT-SPI bus: %s' % error.message)

    print('1..%d' % len(STEPS))
    workdir = tempfile.mkdtemp(prefix='zopa-presentation-keys-')
    try:
        test = PresentationKeysTest(workdir, a11y_address)
        failed = real_input.run_steps(test, STEPS, 'test-presentation-keys')
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 1 if failed else 0


if __name__ == '__main__':
    with real_input.KeyRepeatOff():
        status = main()
    sys.exit(status)

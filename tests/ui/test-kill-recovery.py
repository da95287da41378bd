#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# test-kill-recovery.py: nothing is lost when Zopa is killed. Starts the real
# application on a scenario file, edits it through real X input (xdotool),
# waits until the unsaved changes are in the recovery store, kills the app
# with SIGKILL and starts it again on the file. One run chooses Restore and
# finds the edit; another chooses Discard and finds the file as saved.
# Prints TAP. Uses the AT-SPI and X helpers of zopa_real_input.py (same
# environment: ZOPA_APP, ZOPA_CLI, ZOPA_REAL_INPUT_TIMEOUT).
#
# Every wait is on a condition (a window, a title, a file), never a fixed time.

import json
import os
import signal
import subprocess

# Two starts of the app per run: on a loaded machine a condition may take a
# while, so each wait allows three minutes unless ZOPA_REAL_INPUT_TIMEOUT says.
os.environ.setdefault('ZOPA_REAL_INPUT_TIMEOUT', '180')

# Importing it sets up this process (G_DEBUG, AT-SPI, an X display and a D-Bus
# session), re-executing this script if need be.
import zopa_real_input as ri  # noqa: E402 (after the timeout above)

# The title a draft made by "New Draft" gets.
NEW_DRAFT_TITLE = 'New Draft'
BASENAME = 'kill.zopa.json'


def recovery_folder(workdir):
    return os.path.join(workdir, 'xdg_state_home', 'zopa', 'recovery')


def recovery_data(workdir):
    """The contents of the recovery store's scenario files, by name, of whole entries only:
    the store writes an entry's .ini after its scenario, and lists no entry without one, so
    a kill between the two would leave nothing to offer."""
    folder = recovery_folder(workdir)
    if not os.path.isdir(folder):
        return {}
    found = {}
    for name in os.listdir(folder):
        if name.endswith('.zopa.json'):
            meta = os.path.join(folder, name[:-len('.zopa.json')] + '.ini')
            try:
                with open(meta, encoding='utf-8') as f:
                    if 'Written=' not in f.read():
                        continue
                with open(os.path.join(folder, name), encoding='utf-8') as f:
                    found[name] = f.read()
            except OSError:
                continue  # not written yet, or replaced meanwhile
    return found


def list_items(window):
    return [n.name for n in ri.find_all(window, lambda n: ri.role(n) == 'list item')]


class KillRecoveryTest(ri.AppTest):
    def __init__(self, a11y_address, workdir, choice):
        super().__init__(a11y_address, workdir)
        self.choice = choice
        scenario = json.loads(ri.run([ri.ZOPA_CLI, 'builtin']))
        scenario['title'] = 'Killed while editing (%s)' % choice
        self.title = scenario['title']
        self.path = os.path.join(self.workdir, BASENAME)
        with open(self.path, 'w', encoding='utf-8') as f:
            json.dump(scenario, f, indent=2, ensure_ascii=False)
            f.write('\n')
        with open(self.path, 'rb') as f:
            self.saved = f.read()

    def start(self):
        self.app = ri.App(self.workdir, self.a11y_address, args=[self.path])
        self.app.wait_until_ready()

    def step_open(self):
        self.start()
        self.app.wait_for_titles((self.title, BASENAME))

    def step_edit(self):
        """A new draft through the main menu: F10, then "d" for "New _Draft"."""
        app = self.app
        if NEW_DRAFT_TITLE in list_items(app.main):
            raise ri.Failure('the scenario has a draft named %r before the edit' % NEW_DRAFT_TITLE)
        app.focus(app.main)
        ri.press('F10')
        ri.wait_for('the "New Draft" menu item',
                    lambda: app.check_running() and ri.find_all(
                        app.main, lambda n: ri.role(n) == 'menu item' and ri.labelled(n, 'New Draft')
                        and ri.on_screen(n)))
        ri.press('d')
        app.wait_for_titles(('• ' + self.title, BASENAME))
        ri.wait_for('the new draft in the Drafts list',
                    lambda: app.check_running() and NEW_DRAFT_TITLE in list_items(app.main))

    def step_autosave(self):
        ri.wait_for('the edit in the recovery store',
                    lambda: any(NEW_DRAFT_TITLE in data for data in recovery_data(self.workdir).values()))

    def step_kill(self):
        os.kill(self.app.pid, signal.SIGKILL)
        try:
            self.app.wait(ri.TIMEOUT)
        except subprocess.TimeoutExpired:
            raise ri.Failure('dbus-run-session still runs %g s after zopa was killed' % ri.TIMEOUT)
        self.app.stop()
        with open(self.path, 'rb') as f:
            if f.read() != self.saved:
                raise ri.Failure('the file changed although nothing was saved')

    def find_offer(self):
        for window in self.app.others():
            labels = [l.name for l in ri.find_all(window, lambda n: ri.role(n) == 'label')]
            if 'Restore Unsaved Changes?' in labels:
                return window
        return None

    def step_restart_and_answer(self):
        self.start()
        offer = ri.wait_for('the offer to restore the unsaved changes',
                            lambda: self.app.check_running() and self.find_offer())
        label = 'Restore' if self.choice == 'restore' else 'Discard'
        button = ri.find_one(offer, '%s button' % label,
                             lambda n: ri.role(n) == 'push button' and ri.labelled(n, label)
                             and ri.on_screen(n))
        self.app.click(offer, button)
        ri.wait_for('the offer to close',
                    lambda: self.app.check_running() and self.find_offer() is None)

    def step_check(self):
        app = self.app
        if self.choice == 'restore':
            app.wait_for_titles(('• ' + self.title, BASENAME))
            ri.wait_for('the restored draft in the Drafts list',
                        lambda: app.check_running() and NEW_DRAFT_TITLE in list_items(app.main))
        else:
            app.wait_for_titles((self.title, BASENAME))
            if NEW_DRAFT_TITLE in list_items(app.main):
                raise ri.Failure('the discarded draft is in the Drafts list')
            ri.wait_for('the recovery store to be empty', lambda: not recovery_data(self.workdir))
        mains = [w for w in app.toplevels() if app.is_main_window(w)]
        if len(mains) != 1:
            raise ri.Failure('%d main windows, expected one on %s' % (len(mains), BASENAME))
        with open(self.path, 'rb') as f:
            if f.read() != self.saved:
                raise ri.Failure('the file on disk is not as it was saved')


STEPS = [
    ('zopa starts on the scenario file', 'step_open'),
    ('F10 and "d" (New _Draft) add a draft', 'step_edit'),
    ('the edit reaches the recovery store', 'step_autosave'),
    ('SIGKILL ends zopa; the file stays as saved', 'step_kill'),
    ('restarted on the file, zopa offers the changes; the answer is clicked', 'step_restart_and_answer'),
    ('after the answer, the window shows what was chosen', 'step_check'),
]


if __name__ == '__main__':
    ri.run_tap(KillRecoveryTest, STEPS, 'test-kill-recovery', runs=('restore', 'discard'))

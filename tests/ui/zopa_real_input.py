# SPDX-License-Identifier: GPL-3.0-or-later
# zopa_real_input.py: what the real-input tests share. They drive the real Zopa
# application with real X input events (xdotool, through XTEST) and watch it
# through AT-SPI (pyatspi), the way a user with a screen reader would meet it,
# and print TAP. Here: the set-up of the test process, AT-SPI and X helpers,
# the application under test (App), and the TAP step runner (run_tap).
#
# Importing it sets up the importing test's process, re-executing the test
# script if need be: under the system Python (for pyatspi), under xvfb-run
# without $DISPLAY, under dbus-run-session without a session bus. A test
# imports it before anything loads GLib.
#
# Environment: ZOPA_APP (the zopa executable) and ZOPA_CLI (zopa-cli), plus the
# usual test_env. The application gets AT-SPI back (test_env turns it off for
# the in-process tests), a D-Bus session of its own (so no other Zopa instance
# can take its place) and XDG directories of its own.
#
# Optional: ZOPA_REAL_INPUT_TIMEOUT (seconds to wait for each condition, 60),
# ZOPA_REAL_INPUT_CHECK_LEAKS=1 (keep LeakSanitizer on for zopa in a sanitizer
# build). A failed step leaves a screenshot in G_TEST_BUILDDIR, named after the
# test: test-NAME-failure-N.png.
#
# Zopa's warnings and criticals fail the test as they would with
# G_DEBUG=fatal-warnings, but they are read from its output instead of
# aborting it, so that the failure names the message.

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

SYSTEM_PYTHON = '/usr/bin/python3'
SCREEN = '-screen 0 1280x800x24'


def tap_skip_all(reason):
    print('1..0 # SKIP %s' % reason)
    sys.stdout.flush()
    sys.exit(0)


def reexec(argv):
    sys.stdout.flush()
    sys.stderr.flush()
    os.execvp(argv[0], argv)


# Set up this process before GLib is loaded, which reads G_DEBUG once: the
# AT-SPI client library warns on start (GTK 4 has no AT-SPI cache object), and
# that must not abort the test itself. The application still gets the
# caller's G_DEBUG, so its own warnings stay fatal.
if 'ZOPA_APP_G_DEBUG' not in os.environ:
    os.environ['ZOPA_APP_G_DEBUG'] = os.environ.get('G_DEBUG', '')
for _name in ('G_DEBUG', 'NO_AT_BRIDGE', 'GTK_A11Y'):
    os.environ.pop(_name, None)

# pyatspi comes from Debian's python3-pyatspi, which only the system Python
# sees; a pyenv or venv python3 may come first in PATH.
try:
    import pyatspi
except ImportError:
    if (os.path.realpath(sys.executable) != os.path.realpath(SYSTEM_PYTHON)
            and os.access(SYSTEM_PYTHON, os.X_OK)):
        reexec([SYSTEM_PYTHON] + sys.argv)
    tap_skip_all('python3-pyatspi is not installed')

from gi.repository import Gio, GLib  # noqa: E402 (needs the set-up above)

for _tool in ('xdotool', 'dbus-run-session'):
    if shutil.which(_tool) is None:
        tap_skip_all('%s is not installed' % _tool)

if not os.environ.get('DISPLAY'):
    if shutil.which('xvfb-run') is None:
        tap_skip_all('no X display, and xvfb-run is not installed')
    reexec(['xvfb-run', '-a', '-s', SCREEN, sys.executable] + sys.argv)
if not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
    reexec(['dbus-run-session', '--', sys.executable] + sys.argv)

ZOPA_APP = os.environ.get('ZOPA_APP')
ZOPA_CLI = os.environ.get('ZOPA_CLI')
if not ZOPA_APP or not os.access(ZOPA_APP, os.X_OK):
    tap_skip_all('ZOPA_APP does not name the zopa executable')
if not ZOPA_CLI or not os.access(ZOPA_CLI, os.X_OK):
    tap_skip_all('ZOPA_CLI does not name the zopa-cli executable')

TIMEOUT = float(os.environ.get('ZOPA_REAL_INPUT_TIMEOUT', '60'))

# A warning or critical in GLib's log format: "(zopa:123): Gtk-WARNING **: ...".
WARNING = re.compile(r'-(WARNING|CRITICAL) \*\*')
# The warnings zopa printed that failed no step yet: checked when a test ends.
unreported_warnings = []


def app_warnings(text):
    """The lines of zopa's output that are warnings or criticals."""
    return [line for line in text.splitlines() if WARNING.search(line)]


class Failure(Exception):
    pass


def diag(message):
    for line in str(message).splitlines() or ['']:
        print('# ' + line)
    sys.stdout.flush()


def wait_for(what, condition, timeout=TIMEOUT, interval=0.05):
    """Polls condition until it returns something true. AT-SPI errors from
    objects that go away meanwhile count as "not yet"."""
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        try:
            value = condition()
            if value:
                return value
        except (GLib.Error, LookupError, subprocess.CalledProcessError) as error:
            last_error = error
        if time.monotonic() > deadline:
            detail = ' (last error: %s)' % last_error if last_error else ''
            raise Failure('timed out after %g s waiting for %s%s' % (timeout, what, detail))
        time.sleep(interval)


def run(argv):
    return subprocess.run(argv, check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True, timeout=TIMEOUT).stdout


def xdotool(*args):
    return run(['xdotool'] + [str(a) for a in args])


# AT-SPI


def a11y_bus_address():
    """The accessibility bus; org.a11y.Bus (at-spi2-core) starts it on demand
    through D-Bus activation on the session bus."""
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    reply = bus.call_sync('org.a11y.Bus', '/org/a11y/bus', 'org.a11y.Bus', 'GetAddress',
                          None, GLib.VariantType.new('(s)'), Gio.DBusCallFlags.NONE,
                          int(TIMEOUT * 1000), None)
    return reply.unpack()[0]


def children(node):
    result = []
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is not None:
            result.append(child)
    return result


def role(node):
    return node.getRoleName()


def states(node):
    return set(node.getState().getStates())


def find_all(node, predicate):
    """Every descendant for which predicate holds, in document order. Parts of
    the tree that vanish meanwhile are skipped."""
    found = []
    stack = [node]
    while stack:
        current = stack.pop()
        try:
            if current is not node and predicate(current):
                found.append(current)
            stack.extend(reversed(children(current)))
        except GLib.Error:
            continue
    return found


def find_one(node, what, predicate):
    found = find_all(node, predicate)
    if not found:
        raise LookupError('no %s' % what)
    return found[0]


class Parts:
    """Finds the shown parts of a window by role and name, remembering each: a part
    found before is checked again with a few calls instead of a walk of the whole
    tree (a thousand nodes or more, each call a D-Bus round trip to the
    application), which made a poll take a second or more."""

    def __init__(self, root):
        self.root = root
        self.known = {}

    def matches(self, node, roles, name):
        return role(node) in roles and node.name == name

    def find(self, roles, name):
        """The first shown descendant with a role in roles and this name, or None."""
        node = self.known.get((roles, name))
        try:
            if node is not None and self.matches(node, roles, name) and on_screen(node):
                return node
        except (GLib.Error, LookupError):
            pass
        found = [n for n in find_all(self.root, lambda n: self.matches(n, roles, name))
                 if on_screen(n)]
        self.known[(roles, name)] = found[0] if found else None
        return self.known[(roles, name)]


def labelled(node, label):
    """Whether a button shows label. GTK 4.8 names a button with a mnemonic
    "<label with underscore> <label>", as in "_Close Close"."""
    name = (node.name or '').replace('_', '')
    return name == label or name.endswith(' ' + label)


def extents(node):
    # GTK 4 knows no screen coordinates (asking for them logs a warning, fatal
    # under G_DEBUG=fatal-warnings); window coordinates it does.
    return node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)


# How long a node must keep its place before a click aims at it: longer than the
# slides of libadwaita's expander rows (250 ms), which move the row's content.
STILL_SECONDS = 0.4


def still_extents(node):
    """node's extents once they have not changed for STILL_SECONDS: a click aimed
    at a box that is still sliding in lands beside the control."""
    seen = {}

    def still():
        box = extents(node)
        place = (box.x, box.y, box.width, box.height)
        now = time.monotonic()
        if seen.get('place') != place:
            seen['place'], seen['since'] = place, now
        return now - seen['since'] >= STILL_SECONDS and box
    return wait_for('%s %r to hold still' % (role(node), node.name), still)


def on_screen(node):
    box = extents(node)
    return box.width > 0 and box.height > 0


def text_of(node):
    text = node.queryText()
    return text.getText(0, text.characterCount)


# X windows, keyboard and pointer


def x_windows(pid):
    try:
        out = xdotool('search', '--onlyvisible', '--pid', pid)
    except subprocess.CalledProcessError:
        return []  # xdotool search fails when nothing matches
    return [int(w) for w in out.split()]


def x_geometry(window):
    values = {}
    for line in xdotool('getwindowgeometry', '--shell', window).splitlines():
        key, _, value = line.partition('=')
        values[key] = int(value)
    return values['X'], values['Y'], values['WIDTH'], values['HEIGHT']


def x_window_of(pid, toplevel):
    """(X window, x, y of the toplevel's window coordinate origin on screen).
    GTK 4 reports window coordinates only, measured inside the CSD margin
    that the X window has around the window's widgets on every side."""
    box = extents(toplevel)
    name = toplevel.name or ''
    best = None
    for window in x_windows(pid):
        try:
            x_name = xdotool('getwindowname', window).rstrip('\n')
            x, y, width, height = x_geometry(window)
        except subprocess.CalledProcessError:
            continue  # gone meanwhile
        if x_name != name or width < box.width or height < box.height:
            continue
        placed = (window, x + (width - box.width) // 2, y + (height - box.height) // 2)
        if best is None or window > best[0]:
            best = placed  # the newest window with that title
    return best


def x_focus():
    return int(xdotool('getwindowfocus').strip() or 0)


def focus_x_window(window):
    # Without a window manager nobody gives the focus back when a dialog
    # closes, so the test does, as a user's click would.
    if x_focus() != window:
        xdotool('windowfocus', '--sync', window)
    wait_for('the keyboard focus on X window %d' % window, lambda: x_focus() == window)


class KeyRepeatOff:
    """Turns the X server's key auto-repeat off for a while: under load, a key
    that xdotool holds a little too long must not type twice."""

    def __enter__(self):
        import ctypes
        import ctypes.util
        self.xlib = None
        name = ctypes.util.find_library('X11')
        if name is None:
            diag('libX11 not found; key auto-repeat stays on')
            return self
        self.xlib = ctypes.CDLL(name)
        self.xlib.XOpenDisplay.restype = ctypes.c_void_p
        self.xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
        for function in ('XAutoRepeatOff', 'XAutoRepeatOn', 'XSync', 'XCloseDisplay'):
            getattr(self.xlib, function).argtypes = [ctypes.c_void_p] + (
                [ctypes.c_int] if function == 'XSync' else [])
        self.display = self.xlib.XOpenDisplay(None)
        if not self.display:
            self.xlib = None
            return self
        self.xlib.XAutoRepeatOff(self.display)
        self.xlib.XSync(self.display, 0)
        return self

    def __exit__(self, *exc_info):
        if self.xlib is not None:
            self.xlib.XAutoRepeatOn(self.display)
            self.xlib.XSync(self.display, 0)
            self.xlib.XCloseDisplay(self.display)
        return False


def press(keys):
    xdotool('key', '--clearmodifiers', keys)


def type_text(text):
    xdotool('type', '--clearmodifiers', '--delay', 15, text)


class App:
    """The application under test (started with args): its process, on a
    session bus of its own with the test's accessibility bus, and its AT-SPI
    tree. Its XDG folders are in workdir, so a restart on the same workdir
    finds what the last run left there."""

    def __init__(self, workdir, a11y_address, args=()):
        self.workdir = workdir
        env = dict(os.environ)
        for name in ('NO_AT_BRIDGE', 'GTK_A11Y', 'ZOPA_APP_G_DEBUG', 'GTK_USE_PORTAL',
                     'DBUS_SESSION_BUS_ADDRESS', 'WAYLAND_DISPLAY'):
            env.pop(name, None)
        # Warnings are read from the output (check_running), not made fatal.
        flags = [flag for flag in os.environ.get('ZOPA_APP_G_DEBUG', '').split(',')
                 if flag.strip() and flag.strip() not in ('fatal-warnings', 'fatal-criticals')]
        if flags:
            env['G_DEBUG'] = ','.join(flags)
        if 'ASAN_OPTIONS' in env and not os.environ.get('ZOPA_REAL_INPUT_CHECK_LEAKS'):
            # GTK 4.8's file chooser leaks about 17 KB inside GTK and GIO once
            # it has been shown, even when cancelled, so zopa would always exit
            # with LeakSanitizer's status here. The in-process UI tests keep
            # checking Zopa's own leaks.
            env['ASAN_OPTIONS'] += ':detect_leaks=0'
            diag('LeakSanitizer is off for zopa in this test (GTK 4.8 file chooser leaks); '
                 'set ZOPA_REAL_INPUT_CHECK_LEAKS=1 to keep it on')
        env['AT_SPI_BUS_ADDRESS'] = a11y_address
        env['GDK_BACKEND'] = 'x11'
        env.setdefault('GSETTINGS_BACKEND', 'memory')
        for name in ('XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'XDG_STATE_HOME'):
            path = os.path.join(workdir, name.lower())
            os.makedirs(path, exist_ok=True)
            env[name] = path
        self.output_path = os.path.join(workdir, 'zopa-output.txt')
        self.output = open(self.output_path, 'w')
        self.warnings_seen = 0
        self.started = time.monotonic()
        self.session = subprocess.Popen(['dbus-run-session', '--', ZOPA_APP] + list(args), env=env,
                                        cwd=workdir, stdout=self.output,
                                        stderr=subprocess.STDOUT)
        self.pid = None
        self.node = None
        self.main = None

    def wait_until_ready(self):
        self.pid = wait_for('the zopa process', self.find_pid)
        self.node = wait_for('Zopa on the accessibility bus', self.find_node)
        self.main = wait_for('the main window', self.find_main_window)
        diag('the main window is on the accessibility bus after %.1f s'
             % (time.monotonic() - self.started))

    def new_warnings(self):
        """Warnings zopa printed since the last call (see app_warnings)."""
        with open(self.output_path, errors='replace') as f:
            found = app_warnings(f.read())
        new = found[self.warnings_seen:]
        self.warnings_seen = len(found)
        return new

    def check_running(self):
        """Fails when zopa has ended, or has printed a warning, since the last check."""
        warnings = self.new_warnings()
        if warnings:
            raise Failure('zopa printed a warning: %s' % '; '.join(warnings))
        status = self.session.poll()
        if status is not None:
            raise Failure('zopa exited with status %d' % status)
        return True

    def children_of_session(self):
        """{pid: command name} of the processes dbus-run-session started."""
        found = {}
        for entry in os.listdir('/proc'):
            if not entry.isdigit():
                continue
            try:
                with open('/proc/%s/stat' % entry) as f:
                    stat = f.read()
            except OSError:
                continue
            comm = stat[stat.index('(') + 1:stat.rindex(')')]
            ppid = int(stat[stat.rindex(')') + 2:].split()[1])
            if ppid == self.session.pid:
                found[int(entry)] = comm
        return found

    def find_pid(self):
        self.check_running()
        for pid, comm in self.children_of_session().items():
            if comm == os.path.basename(ZOPA_APP)[:15]:
                return pid
        return None

    def find_node(self):
        self.check_running()
        for app in children(pyatspi.Registry.getDesktop(0)):
            try:
                if app.get_process_id() == self.pid:
                    return app
            except GLib.Error:
                continue
        return None

    def toplevels(self):
        """The windows zopa shows. GTK 4.8 crashes when asked for its window at an index
        past the number it shows (it then refers to a hidden window that has no AT-SPI
        object), which a window closing between the count and the question would cause.
        The first count is a round trip in which zopa handles the input sent before it, a
        key that closes a window included; the count that children() then takes stays true
        while it asks for each window."""
        self.node.childCount
        return children(self.node)

    @staticmethod
    def is_main_window(node):
        return bool(find_all(node, lambda n: role(n) == 'image' and n.name == 'Diagram'))

    def find_main_window(self):
        self.check_running()
        for window in self.toplevels():
            if self.is_main_window(window):
                return window
        return None

    def others(self):
        """The toplevels besides the main window: dialogs, the file chooser."""
        return [w for w in self.toplevels() if not self.is_main_window(w)]

    def x_window(self, toplevel):
        return wait_for('the X window of %r' % toplevel.name,
                        lambda: self.check_running() and x_window_of(self.pid, toplevel))

    def focus(self, toplevel):
        focus_x_window(self.x_window(toplevel)[0])

    def click(self, toplevel, node):
        """A real left click in the middle of node, once it holds still."""
        _, origin_x, origin_y = self.x_window(toplevel)
        box = still_extents(node)
        if box.width <= 0 or box.height <= 0:
            raise Failure('%s %r is not on screen' % (role(node), node.name))
        xdotool('mousemove', '--sync', origin_x + box.x + box.width // 2,
                origin_y + box.y + box.height // 2)
        xdotool('click', 1)

    def titles(self):
        """(title, subtitle) of the header bar: two labels side by side, the
        first one the window title."""
        title = self.main.name
        for label in find_all(self.main, lambda n: role(n) == 'label' and n.name == title):
            siblings = [c for c in children(label.parent) if role(c) == 'label']
            if len(siblings) == 2 and siblings[0].name == title:
                return title, siblings[1].name
        return title, None

    def wait_for_titles(self, expected):
        try:
            wait_for('the header bar to show %r' % (expected,),
                     lambda: self.check_running() and self.titles() == expected)
        except Failure as error:
            raise Failure('%s; it shows %r' % (error, self.titles()))

    def x_title(self):
        return xdotool('getwindowname', self.x_window(self.main)[0]).rstrip('\n')

    def diagram_descriptions(self):
        """The descriptions of the diagrams in the main window (the lead may
        add more than one), in document order."""
        return [n.description or '' for n in
                find_all(self.main, lambda n: role(n) == 'image' and n.name == 'Diagram')]

    def wait(self, timeout):
        return self.session.wait(timeout)

    def stop(self):
        """Ends zopa if it still runs; dbus-run-session then ends its bus."""
        for signal in (15, 9):
            if self.session.poll() is not None:
                break
            for pid in self.children_of_session():
                try:
                    os.kill(pid, signal)
                except OSError:
                    pass
            try:
                self.session.wait(5)
            except subprocess.TimeoutExpired:
                pass
        if self.session.poll() is None:
            self.session.kill()
            self.session.wait()
        self.output.close()
        unreported_warnings.extend(self.new_warnings())
        with open(self.output_path, errors='replace') as f:
            # Without the rights to raise its file limit, the private
            # dbus-daemon says so on every start; that is no news.
            return ''.join(line for line in f if 'Failed to set fd limit' not in line)


def screenshot(path):
    if shutil.which('import') is None or not path:
        return
    try:
        subprocess.run(['import', '-window', 'root', path], timeout=TIMEOUT,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        diag('screenshot: %s' % path)
    except subprocess.TimeoutExpired:
        pass


class AppTest:
    """The base of a test that run_steps runs: the app under test (app, None until a step
    starts it) and a folder for it (workdir, where the app keeps its XDG folders), which
    run_tap makes and removes."""

    def __init__(self, a11y_address, workdir):
        self.a11y_address = a11y_address
        self.workdir = workdir
        self.app = None

    def after_failure(self):
        """Called after a step failed, before the next one runs."""

    def finish(self):
        """Stops the app if it runs; returns what it printed."""
        return self.app.stop() if self.app is not None else ''


def run_steps(test, steps, name, first_number=1, prefix='', keep_going=False):
    """Runs steps, (description, step) pairs, on test (an AppTest) and prints a TAP line for
    each, numbered from first_number, each description after prefix. A step is the name of
    a method of test or a function taking test. After a failure: the reason, a screenshot
    (build dir, named after name), test.after_failure(); then the rest are reported failed
    unrun, or run as well with keep_going (for steps that do not build on each other).
    Then test.finish() stops the app, whose output goes to the diagnostics. Returns the
    number of failed steps."""
    failed = 0
    try:
        for number, (description, step) in enumerate(steps, first_number):
            if failed and not keep_going:
                print('not ok %d - %s%s # an earlier step failed' % (number, prefix, description))
                failed += 1
                continue
            try:
                if callable(step):
                    step(test)
                else:
                    getattr(test, step)()
                print('ok %d - %s%s' % (number, prefix, description))
            except Exception as error:
                failed += 1
                print('not ok %d - %s%s' % (number, prefix, description))
                diag('%s: %s' % (type(error).__name__, error))
                if not isinstance(error, Failure):
                    diag(traceback.format_exc())
                build_dir = os.environ.get('G_TEST_BUILDDIR', '')
                if build_dir and test.app is not None and test.app.session.poll() is None:
                    screenshot(os.path.join(build_dir, '%s-failure-%d.png' % (name, number)))
                test.after_failure()
            sys.stdout.flush()
    finally:
        output = test.finish()
        if output.strip():
            diag('zopa printed:')
            diag(output)
    return failed


def run_tap(make_test, steps, name, runs=None, keep_going=False):
    """The whole of a real-input test program; does not return. Finds the accessibility
    bus (without one, the TAP plan skips everything), prints the plan and runs steps (see
    run_steps) on make_test(a11y_address, workdir), with the X server's key auto-repeat
    off; workdir is a new folder, zopa-NAME-*, removed afterwards. With runs, a list of
    labels, the steps run once per label, on make_test(a11y_address, workdir, label), each
    description after "label: ". A test that cannot be made fails its steps. Exits 1 when
    a step failed, else 0."""
    with KeyRepeatOff():
        try:
            a11y_address = a11y_bus_address()
        except GLib.Error as error:
            tap_skip_all('no AT-SPI bus: %s' % error.message)

        labels = [None] if runs is None else list(runs)
        print('1..%d' % (len(steps) * len(labels)))
        diag('accessibility bus: %s' % a11y_address)
        failed = 0
        for index, label in enumerate(labels):
            first_number = 1 + index * len(steps)
            prefix = '' if label is None else label + ': '
            workdir = tempfile.mkdtemp(prefix='zopa-%s-' % name.replace('test-', '', 1))
            try:
                args = (a11y_address, workdir) + (() if label is None else (label,))
                try:
                    test = make_test(*args)
                except Exception:
                    diag(traceback.format_exc())
                    for number, (description, _) in enumerate(steps, first_number):
                        print('not ok %d - %s%s # the test could not be set up'
                              % (number, prefix, description))
                    failed += len(steps)
                    continue
                failed += run_steps(test, steps, name, first_number, prefix, keep_going)
            finally:
                shutil.rmtree(workdir, ignore_errors=True)
    for line in unreported_warnings:
        diag('zopa printed a warning after the last check: %s' % line)
    sys.exit(1 if failed or unreported_warnings else 0)

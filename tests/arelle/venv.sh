# Sourced by the Arelle scripts: makes sure $venv holds Arelle and the iXBRL Viewer plugin
# of tests/arelle/requirements.txt, installing them when absent. Several scripts may start at
# once on a fresh checkout (the test suite runs them in parallel): one installs while the
# others wait on the lock, and a half-made venv left by an interrupted install is made again.
ready() {
    [[ -x "$venv/bin/arelleCmdLine" ]] \
        && [[ -n "$(echo "$venv"/lib/python3*/site-packages/iXBRLViewerPlugin/viewer/dist/ixbrlviewer.js)" ]] \
        && [[ -f "$(echo "$venv"/lib/python3*/site-packages/iXBRLViewerPlugin/viewer/dist/ixbrlviewer.js)" ]]
}
if ! ready; then
    mkdir -p "$(dirname "$venv")"
    exec 9>"$venv.lock"
    flock 9
    if ! ready; then
        echo "$(basename "$0"): installing Arelle into $venv" >&2
        if [[ ! -x "$venv/bin/arelleCmdLine" ]]; then
            rm -rf "$venv"
            python3 -m venv "$venv" >&2
        fi
        "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt" >&2
    fi
    flock -u 9
    exec 9>&-
fi

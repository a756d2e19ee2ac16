# The benchmark's synthetic repositories, sourced by bench/run.sh, bench/dhf.sh and bench/table.sh (not run alone).
#
# bench_repo KIND [SCRATCH] prints the path of the repository KIND under SCRATCH (default $scratch), building it with
# bench/make-synthetic.sh when it is missing or was built by another version of the generator (make-synthetic.sh,
# synthetic.py and the arguments below); a build takes a minute (20,000 commits) to a few (80,000). KIND is
#   uniform   repo/          20,000 commits, 20 releases, each kind of record in one file (the default)
#   spread    repo-spread/   the same history, records in folders of files changed a few at a time per release
#   80k       repo-80k/      80,000 commits, 20 releases of 4,000 commits, records as in uniform
# bench_repo_label KIND prints the name the tables give it.

bench_repo_args() {
    case $1 in
        uniform) echo "" ;;
        spread) echo "--records spread" ;;
        80k) echo "--commits-per-release 4000" ;;
        *) echo "bench: error: unknown repository kind '$1' (uniform, spread or 80k)" >&2; return 2 ;;
    esac
}

bench_repo_dir() {
    case $1 in uniform) echo repo ;; *) echo "repo-$1" ;; esac
}

bench_repo_label() {
    case $1 in
        uniform) echo "20k, records in one file each" ;;
        spread) echo "20k, records spread over files" ;;
        80k) echo "80k commits" ;;
        *) echo "$1" ;;
    esac
}

bench_repo() {  # bench_repo KIND [SCRATCH]
    local kind=$1 base=${2:-$scratch} args dir version here_
    args=$(bench_repo_args "$kind") || return 2
    dir=$base/$(bench_repo_dir "$kind")
    here_=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
    version=$( { cat "$here_/make-synthetic.sh" "$here_/synthetic.py"; echo "$args"; } | sha256sum | cut -c1-16)
    if [ -d "$dir/.git" ] && [ "$(cat "$dir.version" 2>/dev/null)" = "$version" ]; then
        echo "bench: reusing $dir (generator $version)" >&2
    else
        rm -rf "$dir" "$dir.version"
        echo "bench: building the synthetic repository in $dir (generator $version${args:+, $args})" >&2
        # shellcheck disable=SC2086
        "$here_/make-synthetic.sh" "$dir" $args >&2 || return 2
        echo "$version" >"$dir.version"
    fi
    echo "$dir"
}

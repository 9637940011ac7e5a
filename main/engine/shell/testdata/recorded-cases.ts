// Expected output of scripts as this machine's real shells printed them (dash 0.5.12 as `sh -c`, GNU bash as
// `bash -c`), recorded by running each script in both (`$0` and error prefixes then read `sh`/`bash`, as a
// container's `sh -c`/`bash -c` names them). Regenerate by running each script under /bin/dash and /bin/bash.

export interface Printed {
  out: string
  err: string
  status: number
}

export interface RecordedCase {
  script: string
  dash: Printed
  bash: Printed
}

export const RECORDED: RecordedCase[] = [
  {
    "script": "echo hello world",
    "dash": {
      "out": "hello world\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "hello world\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "x=1; echo \"$x $((x+2))\"; false; echo $?",
    "dash": {
      "out": "1 3\n1\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "1 3\n1\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "for i in a b c; do echo $i; done",
    "dash": {
      "out": "a\nb\nc\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "a\nb\nc\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "for i in; do echo never; done; echo after",
    "dash": {
      "out": "after\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "after\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "set -- p q r; for a; do echo \"[$a]\"; done; echo $# \"$*\" \"$@\"",
    "dash": {
      "out": "[p]\n[q]\n[r]\n3 p q r p q r\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "[p]\n[q]\n[r]\n3 p q r p q r\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "i=0; while [ $i -lt 3 ]; do i=$((i+1)); done; echo $i",
    "dash": {
      "out": "3\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "3\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "i=5; until [ $i -eq 0 ]; do i=$((i-1)); done; echo $i",
    "dash": {
      "out": "0\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "0\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "echo a b | cat",
    "dash": {
      "out": "a b\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "a b\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "case abc in a*) echo yes;; *) echo no;; esac",
    "dash": {
      "out": "yes\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "yes\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "case x in a|b) echo ab;; [xyz]) echo xyz;; esac",
    "dash": {
      "out": "xyz\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "xyz\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "f() { echo \"in f $1 $#\"; return 3; }; f x y; echo $?",
    "dash": {
      "out": "in f x 2\n3\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "in f x 2\n3\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "x=; echo \"[${x:-def}] [${x-unset}] [${y-unset}] [${y:+set}]\"",
    "dash": {
      "out": "[def] [] [unset] []\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "[def] [] [unset] []\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "x=hello.tar.gz; echo ${#x} ${x%.*} ${x%%.*} ${x#*.} ${x##*.}",
    "dash": {
      "out": "12 hello.tar hello tar.gz gz\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "12 hello.tar hello tar.gz gz\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": ": ${z:=assigned}; echo $z",
    "dash": {
      "out": "assigned\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "assigned\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "cat <<EOF\nhi $((1+1)) \\$HOME\nEOF",
    "dash": {
      "out": "hi 2 $HOME\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "hi 2 $HOME\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "cat <<'EOF'\nraw $HOME\nEOF",
    "dash": {
      "out": "raw $HOME\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "raw $HOME\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "(exit 3); echo $?",
    "dash": {
      "out": "3\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "3\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "set -e; false; echo no",
    "dash": {
      "out": "",
      "err": "",
      "status": 1
    },
    "bash": {
      "out": "",
      "err": "",
      "status": 1
    }
  },
  {
    "script": "set -e; false || true; if false; then :; fi; ! false; echo survived",
    "dash": {
      "out": "survived\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "survived\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "true && echo and1; false && echo and2; false || echo or1; true || echo or2",
    "dash": {
      "out": "and1\nor1\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "and1\nor1\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "x=\"a  b   c\"; for w in $x; do echo \"<$w>\"; done; for w in \"$x\"; do echo \"<$w>\"; done",
    "dash": {
      "out": "<a>\n<b>\n<c>\n<a  b   c>\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "<a>\n<b>\n<c>\n<a  b   c>\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "IFS=:; x=a:b::c; for w in $x; do echo \"<$w>\"; done",
    "dash": {
      "out": "<a>\n<b>\n<>\n<c>\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "<a>\n<b>\n<>\n<c>\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "echo \"$(echo inner; echo two)\" `echo back`",
    "dash": {
      "out": "inner\ntwo back\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "inner\ntwo back\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "x=$(false); echo $?",
    "dash": {
      "out": "1\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "1\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "printf '%s=%d\\n' a 1 b 2",
    "dash": {
      "out": "a=1\nb=2\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "a=1\nb=2\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "printf '%5s|%-5s|%05d|%x|%o|%%\\n' ab cd 42 255 8",
    "dash": {
      "out": "   ab|cd   |00042|ff|10|%\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "   ab|cd   |00042|ff|10|%\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "printf 'no newline'",
    "dash": {
      "out": "no newline",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "no newline",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "echo -n abc; echo def",
    "dash": {
      "out": "abcdef\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "abcdef\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "{ echo one; echo two; } > /tmp/gen-f; cat /tmp/gen-f; rm /tmp/gen-f",
    "dash": {
      "out": "one\ntwo\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "one\ntwo\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "echo out; echo err >&2",
    "dash": {
      "out": "out\n",
      "err": "err\n",
      "status": 0
    },
    "bash": {
      "out": "out\n",
      "err": "err\n",
      "status": 0
    }
  },
  {
    "script": "echo a > /tmp/gen-g; echo b >> /tmp/gen-g; cat < /tmp/gen-g; rm -f /tmp/gen-g",
    "dash": {
      "out": "a\nb\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "a\nb\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "nosuchcmd; echo $?",
    "dash": {
      "out": "127\n",
      "err": "sh: 1: nosuchcmd: not found\n",
      "status": 0
    },
    "bash": {
      "out": "127\n",
      "err": "bash: line 1: nosuchcmd: command not found\n",
      "status": 0
    }
  },
  {
    "script": "/nonexistent/cmd; echo $?",
    "dash": {
      "out": "127\n",
      "err": "sh: 1: /nonexistent/cmd: not found\n",
      "status": 0
    },
    "bash": {
      "out": "127\n",
      "err": "bash: line 1: /nonexistent/cmd: No such file or directory\n",
      "status": 0
    }
  },
  {
    "script": "echo $((7/2)) $((7%3)) $((2**10)) $((1<<4)) $((5>3)) $(( (1+2)*3 )) $((-5+2)) $((10>3?1:0))",
    "dash": {
      "out": "",
      "err": "sh: 1: arithmetic expression: expecting primary: \"2**10\"\n",
      "status": 2
    },
    "bash": {
      "out": "3 1 1024 16 1 9 -3 1\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "i=1; i=$((i+1)); : $((i+=5)); echo $i",
    "dash": {
      "out": "7\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "7\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "test -z \"\" && echo empty; test -n \"x\" && echo nonempty; [ 1 -lt 2 ] && echo lt; [ a = b ] || echo ne",
    "dash": {
      "out": "empty\nnonempty\nlt\nne\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "empty\nnonempty\nlt\nne\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "[ -d /tmp ] && echo dir; [ -f /tmp ] || echo notfile; [ ! -e /nope ] && echo missing",
    "dash": {
      "out": "dir\nnotfile\nmissing\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "dir\nnotfile\nmissing\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "x=3; while true; do x=$((x-1)); if [ $x -eq 1 ]; then break; fi; done; echo $x",
    "dash": {
      "out": "1\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "1\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "for i in 1 2 3 4; do if [ $i = 2 ]; then continue; fi; echo $i; done",
    "dash": {
      "out": "1\n3\n4\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "1\n3\n4\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "for i in 1 2; do for j in a b; do if [ $j = b ]; then continue 2; fi; echo $i$j; done; done",
    "dash": {
      "out": "1a\n2a\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "1a\n2a\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "f() { local v=inner; echo $v; }; v=outer; f; echo $v",
    "dash": {
      "out": "inner\nouter\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "inner\nouter\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "eval 'echo evaluated $((2+3))'",
    "dash": {
      "out": "evaluated 5\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "evaluated 5\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "set -- a b c; shift; echo $1 $#; shift 2; echo $#",
    "dash": {
      "out": "b 2\n0\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "b 2\n0\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "trap 'echo bye' EXIT; echo hi",
    "dash": {
      "out": "hi\nbye\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "hi\nbye\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "trap 'echo bye $?' EXIT; exit 4",
    "dash": {
      "out": "bye 4\n",
      "err": "",
      "status": 4
    },
    "bash": {
      "out": "bye 4\n",
      "err": "",
      "status": 4
    }
  },
  {
    "script": "echo \"a\\tb\"",
    "dash": {
      "out": "a\tb\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "a\\tb\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "echo 'single $x' \"double \\$x \\\"q\\\"\"",
    "dash": {
      "out": "single $x double $x \"q\"\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "single $x double $x \"q\"\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "x=5; export x; unset x; echo \"[${x}]\"",
    "dash": {
      "out": "[]\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "[]\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "echo $0",
    "dash": {
      "out": "sh\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "bash\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "f() { echo $0 $1; }; f arg",
    "dash": {
      "out": "sh arg\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "bash arg\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "a=1 b=2; echo $a$b",
    "dash": {
      "out": "12\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "12\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "exit 7",
    "dash": {
      "out": "",
      "err": "",
      "status": 7
    },
    "bash": {
      "out": "",
      "err": "",
      "status": 7
    }
  },
  {
    "script": "echo ${#}",
    "dash": {
      "out": "0\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "0\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "kill -l 15; kill -l TERM",
    "dash": {
      "out": "TERM\n",
      "err": "sh: 1: kill: Illegal number: TERM\n",
      "status": 2
    },
    "bash": {
      "out": "TERM\n15\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "cd /tmp && pwd; cd /nonexistent; echo $?",
    "dash": {
      "out": "/tmp\n2\n",
      "err": "sh: 1: cd: can't cd to /nonexistent\n",
      "status": 0
    },
    "bash": {
      "out": "/tmp\n1\n",
      "err": "bash: line 1: cd: /nonexistent: No such file or directory\n",
      "status": 0
    }
  },
  {
    "script": "x=abc; case $x in *b*) echo has-b;& *) echo fell;; esac",
    "dash": {
      "out": "",
      "err": "sh: 1: Syntax error: \"&\" unexpected\n",
      "status": 2
    },
    "bash": {
      "out": "has-b\nfell\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "read a b <<EOF\none two three\nEOF\necho \"$a|$b\"",
    "dash": {
      "out": "one|two three\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "one|two three\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "echo one two | { read x; echo \"got $x\"; }",
    "dash": {
      "out": "got one two\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "got one two\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "if false; then echo t; elif true; then echo elif; else echo e; fi",
    "dash": {
      "out": "elif\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "elif\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "echo ${x:?is required}; echo not reached",
    "dash": {
      "out": "",
      "err": "sh: 1: x: is required\n",
      "status": 2
    },
    "bash": {
      "out": "",
      "err": "bash: line 1: x: is required\n",
      "status": 127
    }
  },
  {
    "script": "echo $((1/0)); echo after-div",
    "dash": {
      "out": "",
      "err": "sh: 1: arithmetic expression: division by zero: \"1/0\"\n",
      "status": 2
    },
    "bash": {
      "out": "",
      "err": "bash: line 1: 1/0: division by 0 (error token is \"0\")\n",
      "status": 1
    }
  },
  {
    "script": "exec 2>&1; echo to-stderr >&2",
    "dash": {
      "out": "to-stderr\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "to-stderr\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "false; echo $? ; ! true; echo $?",
    "dash": {
      "out": "1\n1\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "1\n1\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "set -- \"a b\" c; printf '<%s>\\n' \"$@\"; printf '<%s>\\n' $*",
    "dash": {
      "out": "<a b>\n<c>\n<a>\n<b>\n<c>\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "<a b>\n<c>\n<a>\n<b>\n<c>\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "x=''; [ -z \"$x\" ] && echo z",
    "dash": {
      "out": "z\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "z\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "echo done | while read l; do echo \"line:$l\"; done",
    "dash": {
      "out": "line:done\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "line:done\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "sleep 1 & wait $!; echo \"bg status $?\"",
    "dash": {
      "out": "bg status 0\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "bg status 0\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "(sleep 1; exit 5) & wait $!; echo \"bg sub $?\"",
    "dash": {
      "out": "bg sub 5\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "bg sub 5\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "true; echo $?; sh -c 'exit 9'; echo $?",
    "dash": {
      "out": "0\n9\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "0\n9\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "echo \"${x:-a b}\" ${x:-a b}",
    "dash": {
      "out": "a b a b\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "a b a b\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "x='*'; echo \"$x\"",
    "dash": {
      "out": "*\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "*\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "echo a\\ b \"c\\\"d\" 'e\\f'",
    "dash": {
      "out": "a b c\"d e\f\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "a b c\"d e\\f\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "set -u; echo ${unset_var}; echo after",
    "dash": {
      "out": "",
      "err": "sh: 1: unset_var: parameter not set\n",
      "status": 2
    },
    "bash": {
      "out": "",
      "err": "bash: line 1: unset_var: unbound variable\n",
      "status": 127
    }
  },
  {
    "script": "set -u; echo \"${unset_var:-fallback}\"",
    "dash": {
      "out": "fallback\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "fallback\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "wait 99; echo $?",
    "dash": {
      "out": "127\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "127\n",
      "err": "bash: line 1: wait: pid 99 is not a child of this shell\n",
      "status": 0
    }
  },
  {
    "script": "set -x; echo traced; x=1",
    "dash": {
      "out": "traced\n",
      "err": "+ echo traced\n+ x=1\n",
      "status": 0
    },
    "bash": {
      "out": "traced\n",
      "err": "+ echo traced\n+ x=1\n",
      "status": 0
    }
  },
  {
    "script": "x=$(( 4 / 0 )); echo no",
    "dash": {
      "out": "",
      "err": "sh: 1: arithmetic expression: division by zero: \" 4 / 0 \"\n",
      "status": 2
    },
    "bash": {
      "out": "",
      "err": "bash: line 1: 4 / 0 : division by 0 (error token is \"0 \")\n",
      "status": 1
    }
  },
  {
    "script": "echo \"${HOME}\" \"$HOME\"/x ${HOME#/} \"${#HOME}\"",
    "dash": {
      "out": "/root /root/x root 5\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "/root /root/x root 5\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "for f in /nonexistent/*; do echo \"[$f]\"; done",
    "dash": {
      "out": "[/nonexistent/*]\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "[/nonexistent/*]\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "v=\"a b\"; set -- $v; echo $#; set -- \"$v\"; echo $#",
    "dash": {
      "out": "2\n1\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "2\n1\n",
      "err": "",
      "status": 0
    }
  },
  {
    "script": "echo $((0x10 + 010))",
    "dash": {
      "out": "24\n",
      "err": "",
      "status": 0
    },
    "bash": {
      "out": "24\n",
      "err": "",
      "status": 0
    }
  }
]

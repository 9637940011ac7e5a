// 한국어 UI 문자열. kubectl 출력과 쿠버네티스 용어(Pod, Running, STATUS, `kubectl apply`)는 번역하지 않고
// 쿠버네티스가 출력하는 그대로 보여 준다. 학습자가 실제 화면에서 보게 될 단어를 익히도록.

import type { MessageSchema } from './en'

const ko: MessageSchema = {
  app: {
    tagline: '내 책상 위의 쿠버네티스 클러스터',
  },
  clock: {
    label: '가상 시간',
    utc: 'UTC',
    play: '재생',
    pause: '일시정지',
    playHint: '가상 시계를 흐르게 합니다',
    pauseHint: '가상 시계를 멈춥니다',
    speed: '속도',
    speedHint: '실제 1초 동안 흐르는 가상 시간(초)',
    advance: '앞으로',
    advance10s: '+10초',
    advance1m: '+1분',
    advance10sHint: '시계를 10초 앞으로 돌립니다',
    advance1mHint: '시계를 1분 앞으로 돌립니다',
    manual: '수동',
    error: '시계가 응답하지 않습니다: {message}',
  },
  language: {
    label: '언어',
  },
  kubeconfig: {
    label: 'kubeconfig',
    copy: '복사',
    copyHint: 'kubeconfig 경로를 복사합니다',
    copied: '복사했습니다',
    copyFailed: '복사하지 못했습니다: 경로를 선택하세요',
    hint: '내 컴퓨터의 kubectl로 이 클러스터를 써 보세요:',
  },
  connection: {
    connecting: '클러스터에 연결하는 중…',
    reconnecting: '클러스터와의 연결이 끊어졌습니다. 다시 연결하는 중…',
    closed: '연결된 클러스터가 없습니다.',
  },
  editor: {
    title: '매니페스트',
    hint: 'YAML을 작성하거나 붙여넣은 뒤 적용하세요. Ctrl+Enter로도 적용됩니다.',
    placeholder: '여기에 매니페스트(YAML)를 붙여넣으세요',
    label: '매니페스트 편집기 (YAML)',
    apply: '적용',
    applying: '적용 중…',
  },
  output: {
    title: '출력',
    empty: 'kubectl의 응답이 여기에 표시됩니다.',
  },
  pods: {
    title: 'Pods',
    namespace: '네임스페이스',
    allNamespaces: '모든 네임스페이스',
    loading: '불러오는 중…',
    error: 'Pod 목록을 가져오지 못했습니다: {message}',
  },
  consoleEdit: {
    title: 'kubectl edit',
    hint: '오브젝트를 고치고 저장하세요. kubectl이 바뀐 부분을 패치합니다. #으로 시작하는 줄은 무시됩니다. Escape는 취소입니다.',
    label: 'kubectl edit: 오브젝트 (YAML)',
    save: '저장',
    cancel: '취소',
  },
  console: {
    title: '콘솔',
    hint: '실제 클러스터처럼 kubectl을 입력하세요. Ctrl+C로 watch를 멈추고, help로 도움말을 봅니다.',
    label: '콘솔: kubectl 명령을 입력하세요',
    welcome: 'Podlab 콘솔: 실제 클러스터처럼 kubectl을 입력하세요. 예: {examples} (Ctrl+C로 멈춤). help를 입력하세요.',
  },
}

export default ko

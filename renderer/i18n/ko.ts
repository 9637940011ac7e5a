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
  nav: {
    label: '화면',
    cluster: '클러스터',
    workloads: '워크로드',
    pods: 'Pods',
    events: 'Events와 기록',
    console: '콘솔',
    shortcut: '단축키: {key}',
  },
  theme: {
    label: '테마',
    hint: '밝게 또는 어둡게. 시스템은 컴퓨터 설정을 따릅니다',
    system: '시스템',
    light: '밝게',
    dark: '어둡게',
  },
  zoom: {
    label: '확대',
    hint: '발표자 확대: 프로젝터에 맞게 모든 것을 크게',
  },
  split: {
    frame: '화면과 콘솔의 크기 조절',
    cluster: '매니페스트와 Pods의 크기 조절',
  },
  shortcuts: {
    open: '키보드 단축키',
    title: '키보드 단축키',
    closeButton: '닫기',
    views: '화면 이동 (클러스터, 워크로드, Pods, Events와 기록, 콘솔)',
    viewsAnywhere: '콘솔이나 편집기에서 입력 중에도 화면 이동',
    console: '콘솔에 입력',
    clock: '가상 시계 재생 또는 일시정지',
    theme: '밝은 테마와 어두운 테마 전환',
    zoom: '발표자 확대: 크게, 작게, 100%로',
    apply: '매니페스트 적용 (편집기에서)',
    help: '이 목록 보기',
    close: '대화 상자 닫기',
  },
  workloads: {
    title: 'Deployment, ReplicaSet, Job 목록이 여기에 표시됩니다',
    body: 'Pod, Deployment, Job을 YAML과 함께 맞춰지는 양식으로 만들 수 있게 됩니다. 아직은 여기에 표시되지 않습니다.',
    next: {
      apply: '클러스터 화면에서 매니페스트를 작성하고 적용하세요',
      console: '또는 아래 콘솔에서 목록을 보세요:',
    },
  },
  podsView: {
    detailSoon: 'Pod를 누르면 상세 정보, Events, 로그, 타임라인이 여기에 열릴 예정입니다. 지금은 콘솔에서:',
  },
  events: {
    title: 'Events와 클러스터의 기록이 여기에 표시됩니다',
    body: '모든 변경과 Event를 거르고 찾을 수 있는 표로, 각 Pod의 타임라인과 연결해 보여 줄 예정입니다. 아직은 여기에 표시되지 않습니다.',
    next: {
      console: '아래 콘솔에서 Events 목록을 보세요:',
      describe: '또는 한 Pod의 Events는 다음 출력의 끝에 있습니다:',
    },
  },
  connection: {
    connecting: '클러스터에 연결하는 중…',
    reconnecting: '클러스터와의 연결이 끊어졌습니다. 다시 연결하는 중…',
    closed: '연결된 클러스터가 없습니다.',
    offlineAction: '연결이 끊어져 있습니다: 클러스터와 다시 연결되면 쓸 수 있습니다.',
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
    offline: '오프라인: 연결이 돌아오면 다시 입력할 수 있습니다',
    welcome: 'Podlab 콘솔: 실제 클러스터처럼 kubectl을 입력하세요. 예: {examples} (Ctrl+C로 멈춤). help를 입력하세요.',
  },
}

export default ko

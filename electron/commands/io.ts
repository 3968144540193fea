/** Where a command writes: the terminal in use, a buffer in tests. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export interface Cluster {
  url: string;
  dir: string;
  stop(): void;
}
export function startCluster(): Promise<Cluster>;
export function stopCluster(dir: string): void;

export interface Cluster {
  url: string;
  dir: string;
  stop(): void;
}
export function startCluster(settings?: string[]): Promise<Cluster>;
export function installedBinDir(): string | undefined;
export function stopCluster(dir: string): void;

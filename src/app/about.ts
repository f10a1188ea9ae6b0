export function about(): string {
  return 'Pengaduan Medsos';
}

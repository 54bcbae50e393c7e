import type { ContainerDTO, EngineInfoDTO, ImageDTO, PortDTO } from '../../shared/dto.js';

/** The fields of `GET /containers/json` we read (recorded payloads in tests/fixtures show the full shape). */
export interface RawContainer {
  Id: string;
  Names?: string[] | null;
  Image: string;
  ImageID: string;
  Command?: string;
  Created: number;
  Ports?: Array<{ IP?: string; PrivatePort: number; PublicPort?: number; Type: string }> | null;
  Labels?: Record<string, string> | null;
  State: string;
  Status: string;
}

/** The fields of `GET /images/json` we read. */
export interface RawImage {
  Id: string;
  RepoTags?: string[] | null;
  RepoDigests?: string[] | null;
  Created: number;
  Size: number;
  Labels?: Record<string, string> | null;
}

function portType(t: string): PortDTO['type'] {
  return t === 'udp' || t === 'sctp' ? t : 'tcp';
}

/** A container's name as `docker ps` prints it: the first name, without the leading `/`. */
export function containerName(names: readonly string[] | null | undefined, id: string): string {
  // Linked containers also carry "/other/alias" names; the real name is the one without a second slash.
  const list = (names ?? []).map((n) => n.replace(/^\//, ''));
  return list.find((n) => !n.includes('/')) ?? list[0] ?? id.slice(0, 12);
}

/**
 * The IMAGE column as `docker ps` prints it: the short id when the container's image is known only by
 * id (its tag was removed), and a digest reference without its digest (`repo@sha256:…` → `repo`).
 */
export function displayImage(image: string, imageId: string): string {
  if (!image) return '<no image>';
  const short = (s: string) => s.replace(/^sha256:/, '').slice(0, 12);
  if (short(image) === short(imageId)) return short(imageId);
  const at = image.indexOf('@');
  return at > 0 ? image.slice(0, at) : image;
}

export function toContainerDTO(raw: RawContainer): ContainerDTO {
  return {
    id: raw.Id,
    name: containerName(raw.Names, raw.Id),
    image: displayImage(raw.Image, raw.ImageID),
    imageId: raw.ImageID,
    command: raw.Command ?? '',
    state: raw.State,
    status: raw.Status,
    ports: (raw.Ports ?? []).map((p) => ({
      ...(p.IP !== undefined ? { ip: p.IP } : {}),
      privatePort: p.PrivatePort,
      ...(p.PublicPort ? { publicPort: p.PublicPort } : {}),
      type: portType(p.Type),
    })),
    created: raw.Created,
    labels: raw.Labels ?? {},
  };
}

export function toImageDTO(raw: RawImage): ImageDTO {
  return {
    id: raw.Id,
    tags: raw.RepoTags ?? [],
    digests: raw.RepoDigests ?? [],
    size: raw.Size,
    created: raw.Created,
    labels: raw.Labels ?? {},
  };
}

export interface RawVersion {
  Version?: string;
  ApiVersion?: string;
  Os?: string;
  Arch?: string;
}

export interface RawInfo {
  NCPU?: number;
  MemTotal?: number;
  OperatingSystem?: string;
  OSType?: string;
  Architecture?: string;
  CgroupVersion?: string;
  Name?: string;
}

export function toEngineInfo(version: RawVersion, info: RawInfo): EngineInfoDTO {
  return {
    version: version.Version ?? 'unknown',
    apiVersion: version.ApiVersion ?? 'unknown',
    os: info.OperatingSystem ?? version.Os ?? 'unknown',
    osType: info.OSType ?? version.Os ?? 'unknown',
    arch: info.Architecture ?? version.Arch ?? 'unknown',
    cpus: info.NCPU ?? 0,
    memoryBytes: info.MemTotal ?? 0,
    ...(info.CgroupVersion ? { cgroupVersion: info.CgroupVersion } : {}),
    ...(info.Name ? { name: info.Name } : {}),
  };
}

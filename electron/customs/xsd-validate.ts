import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { childNamed, childText, parseXmlTree } from '../../shared/customs/receipts/xml-tree';

/**
 * Checks a customs message against the customs XSDs with xmllint (Debian's libxml2-utils), for
 * `zonebook message validate FILE` and the sandbox customs. Plain Node: no Electron.
 */
export type XsdValidation =
  | { readonly status: 'valid'; readonly messageType: string; readonly schema: string }
  | {
      readonly status: 'invalid';
      readonly messageType?: string;
      readonly schema?: string;
      readonly errors: string[];
    }
  /** Well-formed, but no customs schema describes it (the import form, an unknown message type). */
  | { readonly status: 'noSchema'; readonly messageType?: string; readonly errors: string[] };

export interface XsdValidateOptions {
  /** The folder holding SAS/ and EMS/ (shared/customs-xsd). */
  readonly xsdRoot: string;
  /** The xmllint executable; `xmllint` on the PATH by default. */
  readonly xmllint?: string;
}

/**
 * The schema file that validates a whole message of a type: each message type has its own top-level
 * XSD that includes the common types (SAS/SAS121.xsd includes base.xsd; EMS/INV101.xsd includes
 * Common_ComplexType.xsd and puts everything in the xmldsig namespace).
 */
export const schemaFileFor = (xsdRoot: string, messageType: string): string | undefined => {
  if (!/^[A-Z]{3}[0-9]{3}$/.test(messageType)) return undefined;
  return ['SAS', 'EMS']
    .map((folder) => path.join(xsdRoot, folder, `${messageType}.xsd`))
    .find((file) => existsSync(file));
};

type Detected = { readonly messageType?: string; readonly importForm: boolean } | { readonly error: string };

const detectMessage = (xml: string): Detected => {
  const tree = parseXmlTree(xml);
  if (!tree.ok) return { error: tree.reason };
  const root = tree.value;
  const pkg = root.name === 'Package' ? root : childNamed(childNamed(root, 'Object'), 'Package');
  const business = childNamed(childNamed(pkg, 'DataInfo'), 'BussinessData');
  const importForm = childNamed(business, 'DelcareFlag') !== undefined;
  const messageType =
    childText(childNamed(pkg, 'EnvelopInfo'), 'message_type') ??
    business?.children.find((child) => child.name !== 'DelcareFlag')?.name;
  return { messageType, importForm };
};

const runXmllint = (
  xmllint: string,
  schema: string,
  xml: string,
): Promise<{ code: number; stderr: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(xmllint, ['--noout', '--nonet', '--schema', schema, '-'], {
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new Error(`xmllint was not found (${xmllint}); install libxml2-utils`)
          : error,
      ),
    );
    child.on('close', (code) => resolve({ code: code ?? -1, stderr }));
    child.stdin.on('error', () => undefined);
    child.stdin.end(xml, 'utf8');
  });

/** Validates message text against the schema of its own message type. */
export const validateMessage = async (xml: string, options: XsdValidateOptions): Promise<XsdValidation> => {
  const detected = detectMessage(xml);
  if ('error' in detected) return { status: 'invalid', errors: [detected.error] };
  const { messageType } = detected;
  if (detected.importForm)
    return {
      status: 'noSchema',
      messageType,
      errors: ['the Single Window import form (DelcareFlag) is not described by the customs XSDs'],
    };
  const schema = messageType === undefined ? undefined : schemaFileFor(options.xsdRoot, messageType);
  if (schema === undefined)
    return {
      status: 'noSchema',
      messageType,
      errors: [`no schema for message type ${messageType ?? '(none)'}`],
    };
  const { code, stderr } = await runXmllint(options.xmllint ?? 'xmllint', schema, xml);
  if (code === 0) return { status: 'valid', messageType: messageType ?? '', schema };
  const errors = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.endsWith('fails to validate'));
  return {
    status: 'invalid',
    messageType,
    schema,
    errors: errors.length > 0 ? errors : [`xmllint exited ${code}`],
  };
};

export const validateMessageFile = async (
  file: string,
  options: XsdValidateOptions,
): Promise<XsdValidation> => validateMessage(await readFile(file, 'utf8'), options);

import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { I18nextProvider } from 'react-i18next';
import type { CustomsSettings } from '../../../shared/domain/settings';
import { createI18n } from '../../../renderer/app/i18n';
import { ServicesProvider } from '../../../renderer/app/services';
import { EndpointCard } from '../../../renderer/features/customs-endpoint/EndpointCard';
import { createFakeBridge } from '../fake-bridge';

async function renderCard(onSave: (customs: CustomsSettings) => Promise<string | null>) {
  const { bridge } = createFakeBridge();
  render(
    <I18nextProvider i18n={await createI18n('en')}>
      <AntApp>
        <ServicesProvider
          services={{
            bridge,
            info: { version: '0', dataFolder: '/d', platform: 'linux', runtime: 'browser-host' },
            store: null,
            sync: null,
          }}
        >
          <EndpointCard value={{ endpoint: 'sandbox' }} onSave={onSave} />
        </ServicesProvider>
      </AntApp>
    </I18nextProvider>,
  );
}

describe('choosing the customs endpoint', { timeout: 30_000 }, () => {
  it('refuses an empty exchange folder and a malformed gateway address, saving nothing', async () => {
    const saved: CustomsSettings[] = [];
    await renderCard(async (customs) => {
      saved.push(customs);
      return null;
    });
    await userEvent.click(screen.getByText('Single Window client folders'));
    await userEvent.click(screen.getByRole('button', { name: 'Use this endpoint' }));
    expect(await screen.findByText(/exchange folder \(folder\) is required/)).toBeTruthy();

    await userEvent.click(screen.getByText('HTTP gateway'));
    await userEvent.type(screen.getByLabelText('Gateway address'), 'not a url');
    await userEvent.click(screen.getByRole('button', { name: 'Use this endpoint' }));
    expect(await screen.findByText(/gateway address \(gatewayUrl\) must be a full URL/)).toBeTruthy();
    expect(saved).toEqual([]);
  });

  it('saves a folder and shows the endpoint status', async () => {
    const saved: CustomsSettings[] = [];
    await renderCard(async (customs) => {
      saved.push(customs);
      return null;
    });
    expect((await screen.findByTestId('endpoint-status')).textContent).toContain('reachable');
    await userEvent.click(screen.getByText('Single Window client folders'));
    await userEvent.type(screen.getByLabelText('Exchange folder'), 'C:\\ImpPath\\Sas');
    await userEvent.click(screen.getByRole('button', { name: 'Use this endpoint' }));
    expect(saved).toEqual([{ endpoint: 'folder', folder: 'C:\\ImpPath\\Sas' }]);
  });

  it('shows why the main process refused the choice', async () => {
    await renderCard(async () => 'The folder cannot be written');
    await userEvent.click(screen.getByRole('button', { name: 'Use this endpoint' }));
    expect(await screen.findByText('The folder cannot be written')).toBeTruthy();
  });
});

import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { useState } from 'react';
import { ErrorBoundary } from '../../renderer/app/ErrorBoundary';
import { createI18n } from '../../renderer/app/i18n';

function Bomb({ armed }: { armed: boolean }) {
  if (armed) throw new Error('ledger exploded');
  return <p>screen works</p>;
}

function Harness() {
  const [armed, setArmed] = useState(true);
  return (
    <>
      <button onClick={() => setArmed(false)}>defuse</button>
      <ErrorBoundary>
        <Bomb armed={armed} />
      </ErrorBoundary>
    </>
  );
}

it('shows what went wrong, keeps the rest usable, and recovers on retry', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  render(
    <I18nextProvider i18n={await createI18n('en')}>
      <Harness />
    </I18nextProvider>,
  );
  expect(screen.getByText('This screen failed')).toBeTruthy();
  expect(screen.getByText(/ledger exploded/)).toBeTruthy();
  await userEvent.click(screen.getByText('defuse'));
  await userEvent.click(screen.getByText('Try again'));
  expect(screen.getByText('screen works')).toBeTruthy();
});

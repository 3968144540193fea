import { Select, Space, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, useContext, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountBook } from '../../shared/domain/account-book';
import { useServices } from './services';

const storageKey = 'zonebook.currentBookId';

interface CurrentBook {
  books: AccountBook[];
  /** The book the screens work on; undefined while loading or when there is none yet. */
  book: AccountBook | undefined;
  choose(bookId: string): void;
}

const CurrentBookContext = createContext<CurrentBook | null>(null);

/** The account book every screen works on, remembered on this workstation. */
export function CurrentBookProvider({ children }: { children: ReactNode }) {
  const { store } = useServices();
  const books = useLiveQuery(() => store?.db.books.orderBy('putrecNo').toArray() ?? [], [store]) ?? [];
  const [chosen, setChosen] = useState(() => localStorage.getItem(storageKey));
  const book = books.find((b) => b.id === chosen) ?? books[0];
  const choose = (bookId: string) => {
    localStorage.setItem(storageKey, bookId);
    setChosen(bookId);
  };
  return (
    <CurrentBookContext.Provider value={{ books, book, choose }}>{children}</CurrentBookContext.Provider>
  );
}

export function useCurrentBook(): CurrentBook {
  const current = useContext(CurrentBookContext);
  if (!current) throw new Error('useCurrentBook outside CurrentBookProvider');
  return current;
}

export function BookPicker() {
  const { t } = useTranslation();
  const { books, book, choose } = useCurrentBook();
  if (!books.length) return null;
  return (
    <Space>
      <Typography.Text type="secondary">{t('book.current')}</Typography.Text>
      <Select
        aria-label={t('book.current')}
        size="small"
        style={{ minWidth: 220 }}
        value={book?.id}
        onChange={choose}
        options={books.map((b) => ({
          value: b.id,
          label: b.name ? `${b.putrecNo} · ${b.name}` : b.putrecNo,
        }))}
      />
    </Space>
  );
}

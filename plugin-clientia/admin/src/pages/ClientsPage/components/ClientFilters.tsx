import { useEffect, useState } from 'react';
import { Box, Flex, SearchForm, Searchbar, SingleSelect, SingleSelectOption } from '@strapi/design-system';

import { CLIENT_STATES } from '../../../../../shared/contracts/admin';
import { useTranslate } from '../../../utils/useTranslate';

const ALL = 'all';

interface ClientFiltersProps {
  q: string;
  state: string;
  onSearch: (q: string) => void;
  onStateChange: (state: string) => void;
}

export const ClientFilters = ({ q, state, onSearch, onStateChange }: ClientFiltersProps) => {
  const { t, label } = useTranslate();
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);

  return (
    <Flex gap={4} alignItems="flex-end" wrap="wrap">
      <Box width="32rem">
        <SearchForm
          onSubmit={(event) => {
            event.preventDefault();
            onSearch(text.trim());
          }}
        >
          <Searchbar
            name="q"
            value={text}
            onChange={(event) => setText(event.target.value)}
            onClear={() => {
              setText('');
              onSearch('');
            }}
            clearLabel={t('clients.search.clear')}
            placeholder={t('clients.search.placeholder')}
          >
            {t('clients.search.label')}
          </Searchbar>
        </SearchForm>
      </Box>
      <Box width="20rem">
        <SingleSelect
          aria-label={t('clients.filter.state')}
          value={state || ALL}
          onChange={(value) => onStateChange(value === ALL ? '' : String(value))}
        >
          <SingleSelectOption value={ALL}>{t('clients.filter.allStates')}</SingleSelectOption>
          {CLIENT_STATES.map((clientState) => (
            <SingleSelectOption key={clientState} value={clientState}>
              {label('state', clientState)}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Box>
    </Flex>
  );
};
